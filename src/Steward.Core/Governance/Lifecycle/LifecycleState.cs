using Steward.Registry;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// A version's whole lifecycle at one moment, as a page shows it: the nine steps with their
/// status, evidence and waivers; the approvals its risk tier requires and those given (stale ones
/// included); and the verdict of the Staging and Production gates.
/// </summary>
/// <param name="ModelName">The registered model.</param>
/// <param name="Version">The version.</param>
/// <param name="Stage">Its current stage.</param>
/// <param name="Governed">True when the gates apply to the model (see <see cref="LifecyclePolicy.Enforce"/>).</param>
/// <param name="PolicyVersion">The lifecycle policy version the state was decided with.</param>
/// <param name="Tier">The risk tier the approvals follow.</param>
/// <param name="TierSource"><c>version-scorecard</c>, <c>model-scorecard</c> (the model's newest, filed on another version) or <c>unscored</c> (treated as high).</param>
/// <param name="EvidenceFingerprint">The digest approvals are checked against (<see cref="VersionEvidence.Fingerprint"/>).</param>
/// <param name="Steps">The nine steps, in order.</param>
/// <param name="Approvals">Required and given approvals.</param>
/// <param name="Staging">Whether the version may move to Staging now.</param>
/// <param name="Production">Whether it may move to Production (or take a protected alias) now.</param>
public sealed record LifecycleState(
    string ModelName,
    int Version,
    ModelStage Stage,
    bool Governed,
    int PolicyVersion,
    RiskTier Tier,
    string TierSource,
    string EvidenceFingerprint,
    IReadOnlyList<StepStatus> Steps,
    ApprovalStatus Approvals,
    GateVerdict Staging,
    GateVerdict Production)
{
    /// <summary>The verdict of one gate.</summary>
    public GateVerdict Gate(GateTarget target) => target == GateTarget.Staging ? Staging : Production;
}

/// <summary>Where a step stands.</summary>
public enum StepState
{
    /// <summary>Closed by evidence (or an owner's attestation).</summary>
    Done,

    /// <summary>Open, but set aside by a waiver that has not expired.</summary>
    Waived,

    /// <summary>Open.</summary>
    Open,
}

/// <summary>One step of one version.</summary>
/// <param name="Step">Which step.</param>
/// <param name="State">Done, waived or open.</param>
/// <param name="Detail">What closed it, or what is missing, in one sentence.</param>
/// <param name="Evidence">What the platform holds for it.</param>
/// <param name="Waiver">The waiver that counts now, if any.</param>
/// <param name="ExpiredWaivers">Waivers that ran out and no longer count.</param>
public sealed record StepStatus(
    LifecycleStep Step,
    StepState State,
    string Detail,
    IReadOnlyList<StepEvidence> Evidence,
    Waiver? Waiver,
    IReadOnlyList<Waiver> ExpiredWaivers)
{
    /// <summary>True when the step does not hold a gate: done or waived.</summary>
    public bool Passes => State != StepState.Open;
}

/// <summary>A piece of evidence a step reads: its kind (<c>run</c>, <c>audit</c>, <c>model-card</c>, <c>checklist</c>, <c>stage</c>, <c>attestation</c>, <c>approval</c>), a reference and what it shows.</summary>
public sealed record StepEvidence(string Kind, string Reference, string Description);

/// <summary>The approvals of a version against what its tier requires.</summary>
/// <param name="Tier">The tier whose requirements apply.</param>
/// <param name="Requirements">Each requirement and the approval that fills it (null when unfilled).</param>
/// <param name="Decisions">Every decision on the version, newest first, with whether it counts.</param>
/// <param name="Satisfied">Every requirement filled and no current rejection.</param>
public sealed record ApprovalStatus(RiskTier Tier, IReadOnlyList<RequirementStatus> Requirements, IReadOnlyList<DecisionStatus> Decisions, bool Satisfied)
{
    /// <summary>Rejections on the current evidence, each the newest decision of its author.</summary>
    public IReadOnlyList<Approval> CurrentRejections => Decisions.Where(d => d.Current && !d.Superseded && d.Approval.Decision == ApprovalDecision.Rejected).Select(d => d.Approval).ToList();
}

/// <summary>One requirement and the approval filling it.</summary>
public sealed record RequirementStatus(ApprovalRequirement Requirement, Approval? FilledBy);

/// <summary>
/// One decision as it stands now. <see cref="Current"/>: given on the version's current
/// evidence (else stale). <see cref="Superseded"/>: its author decided again later.
/// <see cref="Counts"/>: fills a requirement. <see cref="Note"/>: why it does not count.
/// </summary>
public sealed record DecisionStatus(Approval Approval, bool Current, bool Superseded, bool Counts, string? Note);

/// <summary>A gate's verdict on a version.</summary>
/// <param name="Target">Staging, or Production (also protected aliases).</param>
/// <param name="Enforced">False for a model the gates do not govern: the change is allowed whatever <see cref="Unmet"/> says.</param>
/// <param name="RequiredSteps">The steps the policy asks for.</param>
/// <param name="Unmet">Every step that holds the gate, with what is missing.</param>
public sealed record GateVerdict(GateTarget Target, bool Enforced, IReadOnlyList<string> RequiredSteps, IReadOnlyList<UnmetGate> Unmet)
{
    /// <summary>True when a change to <see cref="Target"/> would be let through.</summary>
    public bool Allows => !Enforced || Unmet.Count == 0;
}

/// <summary>A step that holds a gate and why.</summary>
public sealed record UnmetGate(int Number, string Step, string Title, string Detail);
