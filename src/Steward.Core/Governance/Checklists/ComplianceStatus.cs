namespace Steward.Governance.Checklists;

/// <summary>
/// A model version's compliance: each checklist that applies to the model (from its governance
/// record) or that has answers, with its completion, and the audit score over all of them.
/// Completion is items met / items required, where an item is required if the template says so
/// and it is not answered not_applicable.
/// </summary>
public sealed record ComplianceStatus(string ModelName, int Version, IReadOnlyList<ChecklistCompletion> Checklists)
{
    public int Required => Checklists.Sum(c => c.Required);

    public int Met => Checklists.Sum(c => c.Met);

    /// <summary>Items met / items required over every checklist; null when no checklist applies.</summary>
    public double? AuditScore => Checklists.Count == 0 ? null : Required == 0 ? 1.0 : (double)Met / Required;

    /// <summary>True when every checklist is complete (and at least one applies): what a compliance gate asks.</summary>
    public bool Complete => Checklists.Count > 0 && Met == Required;
}

/// <summary>One checklist for one version: its items with their answers.</summary>
/// <remarks><c>Applies</c>: True when the model's governance record lists the checklist.</remarks>
public sealed record ChecklistCompletion(ChecklistTemplateVersion Template, bool Applies, IReadOnlyList<ChecklistItemState> Items)
{
    public int Required => Items.Count(i => i.Counts);

    public int Met => Items.Count(i => i.IsMet);

    /// <summary>Met / required; 1 when nothing is required.</summary>
    public double Completion => Required == 0 ? 1.0 : (double)Met / Required;
}

/// <summary>An item and its current answer (null when unanswered).</summary>
public sealed record ChecklistItemState(ChecklistItem Item, ChecklistAnswer? Answer)
{
    /// <summary>Counted in the denominator: required, and not answered not_applicable.</summary>
    public bool Counts => Item.Required && Answer?.Status != ChecklistItemStatus.NotApplicable;

    /// <summary>Counted in the numerator.</summary>
    public bool IsMet => Counts && Answer?.Status == ChecklistItemStatus.Met;
}
