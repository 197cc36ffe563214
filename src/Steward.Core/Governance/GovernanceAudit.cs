namespace Steward.Governance;

/// <summary>The ledger actions of governance writes, <c>noun.verb</c>; part of the audit contract.</summary>
public static class GovernanceActions
{
    public const string RecordUpdate = "governance_record.update";
    public const string RecordReview = "governance_record.review";
    public const string ScorecardConfigUpdate = "scorecard_config.update";
    public const string ScorecardFile = "scorecard.file";
    public const string ChecklistTemplateAdd = "checklist_template.add";
    public const string ChecklistAnswer = "checklist.answer";
    public const string ModelCardEdit = "model_card.edit";
}

/// <summary>
/// How governance entries name resources. Everything about a model sits under
/// <c>registered_model/{name}</c>, so an auditor's resource filter on the model finds it all.
/// </summary>
public static class GovernanceResources
{
    public static string Record(string model) => $"registered_model/{model}/governance";

    public static string Scorecard(string model, int version) => $"registered_model/{model}/version/{version}/scorecard";

    public static string ChecklistItem(string model, int version, string checklist, string item) =>
        $"registered_model/{model}/version/{version}/checklist/{checklist}/{item}";

    public static string ModelCard(string model, int version) => $"registered_model/{model}/version/{version}/card";

    public static string Document(string kind, string name) => $"governance/{kind}/{name}";
}
