using Steward.Governance;
using Steward.Governance.Lifecycle;
using Steward.Identity;
using Steward.Registry;

namespace Steward.Server.NativeApi.Governance;

/// <summary>Lifecycle entities to their API contracts.</summary>
internal static class LifecycleMapping
{
    public static LifecycleDto ToDto(this LifecycleState state, long now) => new(
        state.ModelName,
        state.Version,
        ModelStages.Name(state.Stage),
        state.Governed,
        state.PolicyVersion,
        RiskTiers.Name(state.Tier),
        state.TierSource,
        state.EvidenceFingerprint,
        state.Steps.Select(s => s.ToDto(now)).ToList(),
        state.Approvals.ToDto(),
        new GatesDto(state.Staging.ToDto(), state.Production.ToDto()));

    public static StepDto ToDto(this StepStatus step, long now) => new(
        step.Step.Number, step.Step.Key, step.Step.Title, Roles.Name(step.Step.Owner), step.Step.Evidence, step.Step.Attestable, step.Step.Waivable,
        step.State.ToString().ToLowerInvariant(), step.Detail,
        step.Evidence.Select(e => new StepEvidenceDto(e.Kind, e.Reference, e.Description)).ToList(),
        step.Waiver?.ToDto(now), step.ExpiredWaivers.Select(w => w.ToDto(now)).ToList());

    public static StepDefinitionDto ToDto(this LifecycleStep step) =>
        new(step.Number, step.Key, step.Title, Roles.Name(step.Owner), step.Evidence, step.Attestable, step.Waivable);

    public static ApprovalsDto ToDto(this ApprovalStatus status) => new(
        RiskTiers.Name(status.Tier),
        status.Satisfied,
        status.Requirements.Select(r => new RequirementDto(r.Requirement.Label, r.Requirement.Roles.Select(Roles.Name).ToList(), r.FilledBy?.Id, r.FilledBy?.Approver)).ToList(),
        status.Decisions.Select(d => d.Approval.ToDto(!d.Current, d.Superseded, d.Counts, d.Note)).ToList());

    public static DecisionDto ToDto(this Approval a, bool stale = false, bool superseded = false, bool counts = false, string? note = null) => new(
        a.Id, a.ModelName, a.Version, a.Approver, a.ApproverRoles.Select(Roles.Name).ToList(), ApprovalNames.Name(a.Decision), a.Reason,
        RiskTiers.Name(a.Tier), a.EvidenceFingerprint, a.DecidedAt, stale, superseded, counts, note);

    public static GateDto ToDto(this GateVerdict verdict) => new(
        LifecycleNames.Name(verdict.Target), verdict.Enforced, verdict.Allows, verdict.RequiredSteps,
        verdict.Unmet.Select(u => new UnmetGateDto(u.Number, u.Step, u.Title, u.Detail)).ToList());

    public static WaiverDto ToDto(this Waiver w, long now) =>
        new(w.Id, w.ModelName, w.Version, w.Step, w.Reason, w.ExpiresAt, w.WaivedBy, w.WaivedAt, w.ActiveAt(now));

    public static AttestationDto ToDto(this Attestation a) =>
        new(a.Id, a.ModelName, a.Version, a.Step, a.Link, a.Note, a.AttestedBy, a.AttesterRoles.Select(Roles.Name).ToList(), a.AttestedAt);

    public static LifecyclePolicyDto ToDto(this LifecyclePolicyVersion version)
    {
        var (document, policy) = (version.Document, version.Policy);
        return new LifecyclePolicyDto(
            document.Version, document.Sha256, document.CreatedBy, document.CreatedAt?.ToUnixTimeMilliseconds(),
            policy.Name, policy.Description, LifecycleNames.Name(policy.Enforce), policy.ProtectedAliases,
            new PolicyGatesDto(policy.StagingSteps, policy.ProductionSteps),
            policy.Approvals.ToDictionary(
                kv => RiskTiers.Name(kv.Key),
                kv => (IReadOnlyList<RequirementDto>)kv.Value.Select(r => new RequirementDto(r.Label, r.Roles.Select(Roles.Name).ToList(), null, null)).ToList()),
            policy.MaxWaiverDays, document.Content);
    }
}
