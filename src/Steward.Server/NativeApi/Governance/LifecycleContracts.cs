namespace Steward.Server.NativeApi.Governance;

/// <summary>
/// A version's whole lifecycle (<c>GET /api/v1/models/{name}/versions/{version}/lifecycle</c>):
/// the nine steps, the approvals, and both gates. Times are Unix milliseconds.
/// </summary>
internal sealed record LifecycleDto(
    string Name,
    int Version,
    string Stage,
    bool Governed,
    int PolicyVersion,
    string Tier,
    string TierSource,
    string EvidenceSha256,
    IReadOnlyList<StepDto> Steps,
    ApprovalsDto Approvals,
    GatesDto Gates);

/// <summary>One step: its definition, its state (<c>done</c>, <c>waived</c>, <c>open</c>), what closed it or what is missing, its evidence and waivers.</summary>
internal sealed record StepDto(
    int Number,
    string Key,
    string Title,
    string Owner,
    string ClosedBy,
    bool Attestable,
    bool Waivable,
    string State,
    string Detail,
    IReadOnlyList<StepEvidenceDto> Evidence,
    WaiverDto? Waiver,
    IReadOnlyList<WaiverDto> ExpiredWaivers);

internal sealed record StepEvidenceDto(string Kind, string Ref, string Description);

/// <summary>What the tier requires, who filled it, and every decision (stale and superseded ones marked).</summary>
internal sealed record ApprovalsDto(string Tier, bool Satisfied, IReadOnlyList<RequirementDto> Required, IReadOnlyList<DecisionDto> Decisions);

/// <summary>One required approval: any one person holding one of <c>roles</c>; <c>filledBy</c> is the approval filling it.</summary>
internal sealed record RequirementDto(string Label, IReadOnlyList<string> Roles, long? FilledBy, string? Approver);

/// <summary>
/// A decision. <c>stale</c>: given on evidence the version no longer has. <c>superseded</c>: its
/// author decided again later. <c>counts</c>: fills a requirement. <c>note</c>: why it does not count.
/// </summary>
internal sealed record DecisionDto(
    long Id,
    string Name,
    int Version,
    string Approver,
    IReadOnlyList<string> ApproverRoles,
    string Decision,
    string Reason,
    string Tier,
    string EvidenceSha256,
    long DecidedTimestamp,
    bool Stale,
    bool Superseded,
    bool Counts,
    string? Note);

internal sealed record GatesDto(GateDto Staging, GateDto Production);

/// <summary>A gate's verdict: <c>allows</c> is what a change would meet now; <c>enforced</c> is false for a model the gates do not govern.</summary>
internal sealed record GateDto(string Target, bool Enforced, bool Allows, IReadOnlyList<string> RequiredSteps, IReadOnlyList<UnmetGateDto> Unmet);

internal sealed record UnmetGateDto(int Number, string Step, string Title, string Detail);

internal sealed record WaiverDto(long Id, string Name, int Version, string Step, string Reason, long ExpiresTimestamp, string WaivedBy, long WaivedTimestamp, bool Active);

internal sealed record AttestationDto(long Id, string Name, int Version, string Step, string Link, string Note, string AttestedBy, IReadOnlyList<string> AttesterRoles, long AttestedTimestamp);

/// <summary><c>decision</c>: approved or rejected; <c>reason</c> required for a rejection.</summary>
internal sealed record DecideRequest(string? Decision, string? Reason);

/// <summary><c>expires</c>: an ISO 8601 date or date-time (UTC unless it says otherwise).</summary>
internal sealed record WaiveRequest(string? Step, string? Reason, string? Expires);

internal sealed record AttestRequest(string? Step, string? Link, string? Note);

/// <summary>The lifecycle policy in force (or one version of it), parsed, with its text.</summary>
internal sealed record LifecyclePolicyDto(
    int Version,
    string Sha256,
    string CreatedBy,
    long? CreatedTimestamp,
    string Name,
    string Description,
    string Enforce,
    IReadOnlyList<string> ProtectedAliases,
    PolicyGatesDto Gates,
    IReadOnlyDictionary<string, IReadOnlyList<RequirementDto>> Approvals,
    int MaxWaiverDays,
    string Content);

internal sealed record PolicyGatesDto(IReadOnlyList<string> Staging, IReadOnlyList<string> Production);

/// <summary>The nine steps as defined (<c>GET /api/v1/governance/lifecycle-steps</c>).</summary>
internal sealed record StepDefinitionDto(int Number, string Key, string Title, string Owner, string ClosedBy, bool Attestable, bool Waivable);
