namespace Steward.Contracts.Governance;

/// <summary>A model version's whole lifecycle: the nine steps, the approvals and both gates. Times are Unix milliseconds.</summary>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Stage">Its current stage.</param>
/// <param name="Governed">True when the gates apply to the model.</param>
/// <param name="PolicyVersion">The lifecycle policy version used.</param>
/// <param name="Tier">The risk tier the approvals follow: low, medium or high.</param>
/// <param name="TierSource">version-scorecard, model-scorecard or unscored (treated as high).</param>
/// <param name="EvidenceSha256">The digest of the evidence approvals are checked against.</param>
/// <param name="Steps">The nine steps, in order.</param>
/// <param name="Approvals">Required and given approvals.</param>
/// <param name="Gates">The Staging and Production gates.</param>
public sealed record Lifecycle(
    string Name,
    int Version,
    string Stage,
    bool Governed,
    int PolicyVersion,
    string Tier,
    string TierSource,
    string EvidenceSha256,
    IReadOnlyList<LifecycleStepStatus> Steps,
    Approvals Approvals,
    Gates Gates);

/// <summary>One lifecycle step of a version.</summary>
/// <param name="Number">1 to 9.</param>
/// <param name="Key">e.g. <c>model-card</c>.</param>
/// <param name="Title">What the step is.</param>
/// <param name="Owner">The role that owns it (attests or waives it).</param>
/// <param name="ClosedBy">What evidence closes it.</param>
/// <param name="Attestable">True when an owner's attestation closes it.</param>
/// <param name="Waivable">False for the approvals.</param>
/// <param name="State">done, waived or open.</param>
/// <param name="Detail">What closed it, or what is missing.</param>
/// <param name="Evidence">The evidence it read.</param>
/// <param name="Waiver">The waiver counting now, if any.</param>
/// <param name="ExpiredWaivers">Waivers that ran out.</param>
public sealed record LifecycleStepStatus(
    int Number,
    string Key,
    string Title,
    string Owner,
    string ClosedBy,
    bool Attestable,
    bool Waivable,
    string State,
    string Detail,
    IReadOnlyList<StepEvidence> Evidence,
    Waiver? Waiver,
    IReadOnlyList<Waiver> ExpiredWaivers);

/// <summary>A piece of evidence a step read.</summary>
/// <param name="Kind">run, audit, model-card, checklist, stage, attestation, dataset or approval.</param>
/// <param name="Ref">Its id or name.</param>
/// <param name="Description">What it shows.</param>
public sealed record StepEvidence(string Kind, string Ref, string Description);

/// <summary>The approvals of a version.</summary>
/// <param name="Tier">The risk tier whose requirements apply.</param>
/// <param name="Satisfied">Every requirement filled and no current rejection.</param>
/// <param name="Required">The requirements and who filled them.</param>
/// <param name="Decisions">Every decision, newest first, stale ones included.</param>
public sealed record Approvals(string Tier, bool Satisfied, IReadOnlyList<ApprovalRequirement> Required, IReadOnlyList<ApprovalDecision> Decisions);

/// <summary>One approval a promotion needs.</summary>
/// <param name="Label">e.g. <c>risk-manager</c>.</param>
/// <param name="Roles">Any of these roles fills it.</param>
/// <param name="FilledBy">The approval filling it, or null.</param>
/// <param name="Approver">Who gave that approval.</param>
public sealed record ApprovalRequirement(string Label, IReadOnlyList<string> Roles, long? FilledBy, string? Approver);

/// <summary>An approval or rejection of a version.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Approver">Who decided.</param>
/// <param name="ApproverRoles">The roles they held.</param>
/// <param name="Decision">approved or rejected.</param>
/// <param name="Reason">Why.</param>
/// <param name="Tier">The tier when decided.</param>
/// <param name="EvidenceSha256">The evidence it was given on.</param>
/// <param name="DecidedTimestamp">When.</param>
/// <param name="Stale">The version's evidence changed since: it no longer counts.</param>
/// <param name="Superseded">Its author decided again later.</param>
/// <param name="Counts">It fills a requirement.</param>
/// <param name="Note">Why it does not count.</param>
public sealed record ApprovalDecision(
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

/// <summary>Both gates of a version.</summary>
/// <param name="Staging">The Staging gate.</param>
/// <param name="Production">The Production gate (also protected aliases).</param>
public sealed record Gates(Gate Staging, Gate Production);

/// <summary>A gate's verdict.</summary>
/// <param name="Target">staging or production.</param>
/// <param name="Enforced">False for a model the gates do not govern.</param>
/// <param name="Allows">Whether a change would pass now.</param>
/// <param name="RequiredSteps">The steps it asks for.</param>
/// <param name="Unmet">The steps holding it shut.</param>
public sealed record Gate(string Target, bool Enforced, bool Allows, IReadOnlyList<string> RequiredSteps, IReadOnlyList<UnmetGate> Unmet);

/// <summary>A step holding a gate shut.</summary>
/// <param name="Number">1 to 9.</param>
/// <param name="Step">Its key.</param>
/// <param name="Title">What it is.</param>
/// <param name="Detail">What is missing.</param>
public sealed record UnmetGate(int Number, string Step, string Title, string Detail);

/// <summary>A waiver of a lifecycle step.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Step">The step waived.</param>
/// <param name="Reason">Why.</param>
/// <param name="ExpiresTimestamp">When it stops counting.</param>
/// <param name="WaivedBy">Who waived it.</param>
/// <param name="WaivedTimestamp">When.</param>
/// <param name="Active">Still counting.</param>
public sealed record Waiver(long Id, string Name, int Version, string Step, string Reason, long ExpiresTimestamp, string WaivedBy, long WaivedTimestamp, bool Active);

/// <summary>An owner's attestation that a step is done.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Step">The step.</param>
/// <param name="Link">Where the evidence is.</param>
/// <param name="Note">A note.</param>
/// <param name="AttestedBy">Who attested.</param>
/// <param name="AttesterRoles">Their roles.</param>
/// <param name="AttestedTimestamp">When.</param>
public sealed record Attestation(long Id, string Name, int Version, string Step, string Link, string Note, string AttestedBy, IReadOnlyList<string> AttesterRoles, long AttestedTimestamp);
