namespace Steward.Governance.Records;

/// <summary>
/// A registered model's entry in the model risk registry: who owns it, its domain (the model's
/// domain, read from the model, so it follows an admin's move), what it is for and whom it affects, what it predicts, its status, the compliance checklists
/// that apply to it, and its last periodic review. Times are Unix milliseconds.
/// </summary>
/// <remarks><c>Target</c>: What the model predicts (e.g. <c>churn</c>); redundancy reports compare it across domains.</remarks>
/// <remarks><c>Checklists</c>: Names of the compliance checklists that apply to the model's versions.</remarks>
public sealed record GovernanceRecord(
    string ModelName,
    string Owner,
    string Domain,
    string Purpose,
    string IntendedUse,
    string AffectedParties,
    string Target,
    GovernanceStatus Status,
    IReadOnlyList<string> Checklists,
    string CreatedBy,
    long CreatedAt,
    string UpdatedBy,
    long UpdatedAt,
    Review? LastReview);

/// <summary>
/// Changes to a record: null leaves a field as it is (for a new record, empty; status draft).
/// <c>Domain</c> is no change: when given it must be the model's domain (<see cref="RecordDomain"/>).
/// </summary>
public sealed record GovernanceRecordChanges(
    string? Owner = null,
    string? Domain = null,
    string? Purpose = null,
    string? IntendedUse = null,
    string? AffectedParties = null,
    string? Target = null,
    GovernanceStatus? Status = null,
    IReadOnlyList<string>? Checklists = null);

/// <summary>A periodic review of a model, by whom and with what outcome.</summary>
public sealed record Review(long Id, string ModelName, long ReviewedAt, string Reviewer, ReviewOutcome Outcome, string Notes);

/// <summary>Exact-match filters of the registry listing (<c>Domain</c> is the model's); null matches anything.</summary>
public sealed record GovernanceRecordFilter(string? Domain = null, string? Owner = null, GovernanceStatus? Status = null);
