namespace Steward.Governance.Checklists;

/// <summary>A compliance checklist (GDPR, CCPA, SOX, the EU AI Act...): items a model version is answered against.</summary>
public sealed record ChecklistTemplate(string Name, string Title, string Description, IReadOnlyList<ChecklistItem> Items)
{
    /// <summary>The item with <paramref name="id"/>, or null.</summary>
    public ChecklistItem? Item(string id) => Items.FirstOrDefault(i => i.Id == id);
}

/// <summary>
/// One item. <see cref="Required"/> items count towards completion; <see cref="EvidenceRequired"/>
/// items can be answered "met" only with at least one evidence link.
/// </summary>
public sealed record ChecklistItem(string Id, string Text, string Guidance, bool Required, bool EvidenceRequired);
