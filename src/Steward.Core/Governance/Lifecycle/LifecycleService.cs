using Steward.Audit;
using Steward.Governance.Checklists;
using Steward.Governance.ModelCards;
using Steward.Governance.Records;
using Steward.Governance.Scorecards;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Tracking;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// The lifecycle of model versions: the nine steps, approvals, waivers and attestations, and the
/// gates. <see cref="GetStateAsync(string?, string?, CancellationToken)"/> is the one query a
/// page needs; the decisions are in <c>LifecycleService.Decisions.cs</c>.
/// </summary>
public sealed partial class LifecycleService(
    ILifecycleStore store,
    LifecyclePolicyService policies,
    ILifecycleGatePolicy gatePolicy,
    RegistryService registry,
    ITrackingStore runs,
    ModelAuditService audits,
    IModelCardStore cards,
    ChecklistService checklists,
    ScorecardService scorecards,
    GovernanceRecordService records,
    IAuthorshipQuery authorship,
    AccessControl access,
    ILedgerStore ledger,
    TimeProvider clock,
    ICurrentActor actor)
{
    /// <summary>A version's whole lifecycle state: steps, approvals (stale ones too), and both gates' verdicts.</summary>
    public async Task<LifecycleState> GetStateAsync(string? modelName, string? version, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        return (await SnapshotAsync(modelVersion, cancellationToken)).State;
    }

    /// <summary>The verdict of one gate on a version, as a change to <paramref name="target"/> would meet it now (nothing recorded).</summary>
    public async Task<GateVerdict> GetGateAsync(string? modelName, string? version, GateTarget target, CancellationToken cancellationToken) =>
        (await GetStateAsync(modelName, version, cancellationToken)).Gate(target);

    /// <summary>A version's waivers, oldest first, expired ones included.</summary>
    public async Task<IReadOnlyList<Waiver>> ListWaiversAsync(string? modelName, string? version, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        return await store.ListWaiversAsync(modelVersion.Name, modelVersion.Version, cancellationToken);
    }

    /// <summary>A version's attestations, oldest first.</summary>
    public async Task<IReadOnlyList<Attestation>> ListAttestationsAsync(string? modelName, string? version, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        return await store.ListAttestationsAsync(modelVersion.Name, modelVersion.Version, cancellationToken);
    }

    /// <summary>The lifecycle state with what it was decided from.</summary>
    internal sealed record Snapshot(LifecycleState State, VersionEvidence Evidence, LifecyclePolicyVersion Policy, ApprovalStatus Approvals);

    internal async Task<Snapshot> SnapshotAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        var evidence = await GatherAsync(version, cancellationToken);
        var policy = await policies.CurrentAsync(cancellationToken);
        var approvals = ApprovalEvaluator.Evaluate(evidence.Tier, policy.Policy.Approvals[evidence.Tier], evidence.Approvals, evidence.Fingerprint(), evidence.Authors);
        var steps = StepEvaluator.Evaluate(evidence, approvals);
        var governed = await IsGovernedAsync(policy.Policy, version.Name, evidence.Record, cancellationToken);
        var inputs = new GateInputs(policy.Policy, evidence, steps, approvals, governed);
        var state = new LifecycleState(
            version.Name, version.Version, version.CurrentStage, governed, policy.Document.Version, evidence.Tier, evidence.TierSource, evidence.Fingerprint(),
            steps, approvals, gatePolicy.Evaluate(GateTarget.Staging, inputs), gatePolicy.Evaluate(GateTarget.Production, inputs));
        return new Snapshot(state, evidence, policy, approvals);
    }

    /// <summary>
    /// Whether the gates apply to a model: every model under <c>enforce: all</c>; else one with a
    /// governance record, or one of whose names (<see cref="RegistryService.ListNameFamilyAsync"/>)
    /// ever had one — the ledger keeps every record write, so neither deleting a governed model and
    /// registering it again nor renaming it first takes it out from under the gates.
    /// </summary>
    private async Task<bool> IsGovernedAsync(LifecyclePolicy policy, string modelName, GovernanceRecord? record, CancellationToken cancellationToken)
    {
        if (policy.Enforce == GateEnforcement.All || record is not null) return true;
        foreach (var name in await registry.ListNameFamilyAsync(modelName, cancellationToken))
        {
            var resource = GovernanceResources.Record(name);
            var writes = await ledger.ListEntriesAsync(new AuditEntryQuery(0, null, 1) { Resource = resource, Action = GovernanceActions.RecordUpdate }, cancellationToken);
            if (writes.Any(e => e.Resource == resource)) return true;
        }

        return false;
    }

    private async Task<VersionEvidence> GatherAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        var model = await registry.GetRegisteredModelAsync(version.Name, cancellationToken);
        var run = version.RunId is null ? null : await runs.GetRunAsync(version.RunId, cancellationToken);
        var scorecard = await scorecards.LatestAsync(version.Name, version.Version, cancellationToken);
        var (tier, source) = scorecard is not null
            ? (scorecard.Tier, "version-scorecard")
            : (await scorecards.LatestPerModelAsync(cancellationToken)).GetValueOrDefault(version.Name) is { } modelCard
                ? (modelCard.Tier, "model-scorecard")
                : (RiskTier.High, "unscored");
        return new VersionEvidence(
            model,
            version,
            await records.FindAsync(version.Name, cancellationToken),
            run,
            await audits.ListAsync(version.Name, version.Version, null, cancellationToken),
            await cards.GetAsync(version.Name, version.Version, null, cancellationToken),
            await checklists.StatusAsync(version.Name, version.Version, cancellationToken),
            scorecard,
            tier,
            source,
            await store.ListApprovalsAsync(version.Name, version.Version, cancellationToken),
            await store.ListWaiversAsync(version.Name, version.Version, cancellationToken),
            await store.ListAttestationsAsync(version.Name, version.Version, cancellationToken),
            await store.FirstEnteredStagingAsync(version.Name, version.Version, cancellationToken),
            await authorship.GetVersionAuthorsAsync(version.Name, version.Version, cancellationToken),
            clock.GetUtcNow().ToUnixTimeMilliseconds());
    }
}
