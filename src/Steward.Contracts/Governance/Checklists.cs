namespace Steward.Contracts.Governance;

/// <summary>A compliance checklist template.</summary>
/// <param name="Name">e.g. <c>gdpr</c>.</param>
/// <param name="Version">0 for a shipped template, then 1, 2, ...</param>
/// <param name="Sha256">SHA-256 of the file's text.</param>
/// <param name="Title">How people read it.</param>
/// <param name="Description">What it covers.</param>
/// <param name="Items">Its items.</param>
/// <param name="CreatedBy">Who added it.</param>
/// <param name="CreatedTimestamp">When; null for a shipped template.</param>
public sealed record ChecklistTemplate(
    string Name,
    int Version,
    string Sha256,
    string Title,
    string Description,
    IReadOnlyList<ChecklistItem> Items,
    string CreatedBy,
    long? CreatedTimestamp);

/// <summary>An item of a checklist.</summary>
/// <param name="Id">e.g. <c>dpia</c>.</param>
/// <param name="Text">What must hold.</param>
/// <param name="Guidance">How to show it.</param>
/// <param name="Required">Counted towards completion.</param>
/// <param name="EvidenceRequired">Can be met only with evidence.</param>
public sealed record ChecklistItem(string Id, string Text, string Guidance, bool Required, bool EvidenceRequired);

/// <summary>A link to evidence.</summary>
/// <param name="Kind">url, run, artifact (<c>RUN_ID/path</c>) or audit.</param>
/// <param name="Ref">The URL, run id, artifact path or audit id.</param>
public sealed record EvidenceLink(string Kind, string Ref);

/// <summary>An answer to a checklist item for a model version.</summary>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Checklist">The checklist.</param>
/// <param name="Item">The item.</param>
/// <param name="Status">met, not_met or not_applicable.</param>
/// <param name="Evidence">Its evidence links.</param>
/// <param name="Note">Free text.</param>
/// <param name="AnsweredBy">Who answered.</param>
/// <param name="AnsweredTimestamp">When.</param>
public sealed record ChecklistAnswer(
    string Name,
    int Version,
    string Checklist,
    string Item,
    string Status,
    IReadOnlyList<EvidenceLink> Evidence,
    string Note,
    string AnsweredBy,
    long AnsweredTimestamp);

/// <summary>A model version's compliance.</summary>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Required">Items required over every checklist.</param>
/// <param name="Met">Items met.</param>
/// <param name="AuditScore">Met / required; null when no checklist applies.</param>
/// <param name="Complete">True when every checklist is complete.</param>
/// <param name="Checklists">Each checklist.</param>
public sealed record Compliance(string Name, int Version, int Required, int Met, double? AuditScore, bool Complete, IReadOnlyList<ChecklistCompletion> Checklists);

/// <summary>One checklist of a version's compliance.</summary>
/// <param name="Checklist">Its name.</param>
/// <param name="TemplateVersion">The template version checked against.</param>
/// <param name="Title">Its title.</param>
/// <param name="Applies">True when the model's record lists it.</param>
/// <param name="Required">Items required.</param>
/// <param name="Met">Items met.</param>
/// <param name="Completion">Met / required.</param>
/// <param name="Items">Each item with its answer.</param>
public sealed record ChecklistCompletion(
    string Checklist,
    int TemplateVersion,
    string Title,
    bool Applies,
    int Required,
    int Met,
    double Completion,
    IReadOnlyList<ChecklistItemState> Items);

/// <summary>An item with its answer.</summary>
/// <param name="Id">The item.</param>
/// <param name="Text">What must hold.</param>
/// <param name="Required">Required by the template.</param>
/// <param name="Counts">Counted in the denominator.</param>
/// <param name="Status">unanswered, met, not_met or not_applicable.</param>
/// <param name="Evidence">Evidence links.</param>
/// <param name="Note">Free text.</param>
/// <param name="AnsweredBy">Who answered, if anyone.</param>
/// <param name="AnsweredTimestamp">When.</param>
public sealed record ChecklistItemState(
    string Id,
    string Text,
    bool Required,
    bool Counts,
    string Status,
    IReadOnlyList<EvidenceLink> Evidence,
    string Note,
    string? AnsweredBy,
    long? AnsweredTimestamp);
