using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Registry;

namespace Steward.Governance.Lifecycle;

/// <summary>The gate check of a stage or alias change, with its ledger entry.</summary>
public sealed partial class LifecycleService
{
    /// <summary>
    /// Checks a change against the lifecycle gates: a move to Staging or Production, or setting a
    /// protected alias, on a governed model. Records the evaluation in the ledger (outcome
    /// <c>ok</c> or <c>denied</c>, with the verdict's inputs) and throws GateClosed listing every
    /// unmet gate. Other changes (to None or Archived, other aliases, removing an alias) pass unchecked.
    /// </summary>
    public async Task CheckChangeAsync(VersionChange change, ModelVersion current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(current);
        var policy = await policies.CurrentAsync(cancellationToken);
        GateTarget? target = change switch
        {
            StageTransition { Stage: ModelStage.Staging } => GateTarget.Staging,
            StageTransition { Stage: ModelStage.Production } => GateTarget.Production,
            AliasAssignment a when policy.Policy.IsProtected(a.Alias) => GateTarget.Production,
            _ => null,
        };
        if (target is null) return;
        // Ungoverned models pass without the cost of gathering their evidence.
        if (!await IsGovernedAsync(policy.Policy, current.Name, await records.FindAsync(current.Name, cancellationToken), cancellationToken)) return;

        var snapshot = await SnapshotAsync(current, cancellationToken);
        var verdict = snapshot.State.Gate(target.Value);
        if (!verdict.Enforced) return;

        var what = change is AliasAssignment alias ? $"take the protected alias '{alias.Alias}'" : $"move to {ModelStages.Name(((StageTransition)change).Stage)}";
        await RecordGateAsync(change, snapshot, verdict, cancellationToken);
        if (verdict.Allows) return;

        var unmet = string.Join("; ", verdict.Unmet.Select(u => $"[{u.Number} {u.Step}] {u.Detail}"));
        throw new StewardException(ErrorCode.GateClosed,
            $"Model '{current.Name}' version {current.Version} cannot {what}: {verdict.Unmet.Count} lifecycle gate(s) open (lifecycle policy version {snapshot.Policy.Document.Version}): {unmet}.");
    }

    private async Task RecordGateAsync(VersionChange change, Snapshot snapshot, GateVerdict verdict, CancellationToken cancellationToken)
    {
        var state = snapshot.State;
        var payload = new JsonObject
        {
            ["name"] = state.ModelName,
            ["version"] = state.Version,
            ["change"] = change switch
            {
                StageTransition t => new JsonObject { ["stage"] = ModelStages.Name(t.Stage), ["archive_existing_versions"] = t.ArchiveExistingVersions },
                AliasAssignment a => new JsonObject { ["alias"] = a.Alias },
                _ => null,
            },
            ["gate"] = LifecycleNames.Name(verdict.Target),
            ["allowed"] = verdict.Allows,
            ["policy_version"] = snapshot.Policy.Document.Version,
            ["policy_sha256"] = snapshot.Policy.Document.Sha256,
            ["tier"] = RiskTiers.Name(state.Tier),
            ["tier_source"] = state.TierSource,
            ["evidence"] = snapshot.Evidence.EvidenceJson(),
            ["evidence_sha256"] = state.EvidenceFingerprint,
            ["steps"] = new JsonObject(state.Steps.Where(s => verdict.RequiredSteps.Contains(s.Step.Key))
                .Select(s => KeyValuePair.Create(s.Step.Key, (JsonNode?)new JsonObject
                {
                    ["state"] = s.State.ToString().ToLowerInvariant(),
                    ["detail"] = s.Detail,
                    ["waiver_id"] = s.Waiver?.Id,
                }))),
            ["approvals"] = new JsonArray(snapshot.Approvals.Requirements.Where(r => r.FilledBy is not null)
                .Select(r => (JsonNode?)new JsonObject { ["requirement"] = r.Requirement.Label, ["approval_id"] = r.FilledBy!.Id, ["approver"] = r.FilledBy.Approver })
                .ToArray()),
            ["unmet"] = new JsonArray(verdict.Unmet.Select(u => (JsonNode?)u.Step).ToArray()),
        };
        // An entry of its own, beside the change's: a refused change still leaves its evaluation.
        var evaluation = AuditedChange.Standalone(actor.Name, GovernanceActions.GateEvaluate, GovernanceResources.Gate(state.ModelName, state.Version), payload,
            verdict.Allows ? AuditEntry.Ok : AuditEntry.Denied);
        await ledger.AppendAsync(evaluation, cancellationToken);
    }
}

/// <summary>
/// The registry's <see cref="IVersionChangeGate"/> when governance is on: every stage and alias
/// change passes through <see cref="LifecycleService.CheckChangeAsync"/>.
/// </summary>
/// <param name="lifecycle">Resolved on first use: the lifecycle reads the registry, whose gate this is.</param>
public sealed class LifecycleGate(Func<LifecycleService> lifecycle) : IVersionChangeGate
{
    public Task CheckAsync(VersionChange change, ModelVersion current, CancellationToken cancellationToken) =>
        lifecycle().CheckChangeAsync(change, current, cancellationToken);
}
