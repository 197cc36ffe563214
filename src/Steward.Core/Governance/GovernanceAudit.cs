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
    public const string LifecyclePolicyUpdate = "lifecycle_policy.update";
    public const string VersionApprove = "model_version.approve";
    public const string VersionReject = "model_version.reject";
    public const string StepWaive = "lifecycle_step.waive";
    public const string StepAttest = "lifecycle_step.attest";

    /// <summary>A gate evaluated for a stage or alias change; outcome <c>ok</c> when it let the change through, <c>denied</c> when it refused it.</summary>
    public const string GateEvaluate = "lifecycle.gate";
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

    /// <summary>Approvals and rejections of a version (kept off the version's own resource, so deciding on a version does not make one its author).</summary>
    public static string Approvals(string model, int version) => $"registered_model/{model}/version/{version}/approvals";

    /// <summary>A version's lifecycle as a whole (a step request whose step is not yet known).</summary>
    public static string Lifecycle(string model, int version) => $"registered_model/{model}/version/{version}/lifecycle";

    public static string Step(string model, int version, string step) => $"registered_model/{model}/version/{version}/lifecycle/{step}";

    public static string Gate(string model, int version) => $"registered_model/{model}/version/{version}/gates";

    public static string Document(string kind, string name) => $"governance/{kind}/{name}";
}
