namespace Steward.Governance.Checklists;

/// <summary>How a checklist item stands for a model version.</summary>
public enum ChecklistItemStatus
{
    /// <summary>Done, with evidence.</summary>
    Met,

    /// <summary>Not done yet.</summary>
    NotMet,

    /// <summary>Does not apply to this model, with the reason in the note; no longer counted as required.</summary>
    NotApplicable,
}

/// <summary>What an evidence link points at.</summary>
public enum EvidenceKind
{
    /// <summary>An http(s) URL: a document, a ticket.</summary>
    Url,

    /// <summary>A tracked run, by id.</summary>
    Run,

    /// <summary>An artifact of a run: <c>RUN_ID/path/in/run</c>.</summary>
    Artifact,

    /// <summary>A model audit (fairness, drift, evaluation) of this model, by id.</summary>
    Audit,
}

/// <summary>A pointer to evidence that an item is met.</summary>
public sealed record EvidenceLink(EvidenceKind Kind, string Reference);

/// <summary>The current answer to one checklist item for one model version.</summary>
public sealed record ChecklistAnswer(
    string ModelName,
    int Version,
    string Checklist,
    string Item,
    ChecklistItemStatus Status,
    IReadOnlyList<EvidenceLink> Evidence,
    string Note,
    string AnsweredBy,
    long AnsweredAt);

/// <summary>The names the APIs use for checklist enums.</summary>
public static class ChecklistNames
{
    public static string Name(ChecklistItemStatus status) => status switch
    {
        ChecklistItemStatus.NotMet => "not_met",
        ChecklistItemStatus.NotApplicable => "not_applicable",
        _ => "met",
    };

    public static string Name(EvidenceKind kind) => kind.ToString().ToLowerInvariant();

    public static ChecklistItemStatus ParseStatus(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "met" => ChecklistItemStatus.Met,
        "not_met" or "not-met" => ChecklistItemStatus.NotMet,
        "not_applicable" or "not-applicable" or "n/a" => ChecklistItemStatus.NotApplicable,
        _ => throw Errors.StewardException.Invalid($"Invalid value '{value}' for 'status': expected met, not_met or not_applicable."),
    };

    public static EvidenceKind ParseKind(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "url" => EvidenceKind.Url,
        "run" => EvidenceKind.Run,
        "artifact" => EvidenceKind.Artifact,
        "audit" => EvidenceKind.Audit,
        _ => throw Errors.StewardException.Invalid($"Invalid evidence kind '{value}': expected url, run, artifact or audit."),
    };
}
