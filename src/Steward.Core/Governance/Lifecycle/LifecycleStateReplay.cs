using System.Globalization;
using System.Text.Json;
using Steward.Audit;
using Steward.Audit.State;
using Steward.Registry;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Approvals, rejections, waivers and attestations as the ledger says they were recorded, from
/// <c>model_version.approve</c>/<c>reject</c> and <c>lifecycle_step.waive</c>/<c>attest</c>, following
/// the model through renames and deletes. The rows are only ever added, so each version's
/// decisions must be the ledger's, one for one and in order: who, what, and (where the payload
/// was kept) why. A row added, removed or edited in the database is a difference.
/// </summary>
public sealed class LifecycleStateReplay(ILifecycleStore store) : IStateReplay
{
    private readonly Dictionary<string, Dictionary<int, List<Decision>>> _models = new(StringComparer.Ordinal);

    public bool Apply(AuditEntry entry, JsonElement? payload)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (AuditResources.ParseModel(entry.Resource) is not { } parsed) return false;
        var (model, number, under) = parsed;
        switch (entry.Action)
        {
            // Renames and deletes come from the registry's entries; they move or end what is expected.
            case AuditActions.RegisteredModelRename:
                if (_models.Remove(model, out var moved) && payload?.GetProperty("new_name").GetString() is { } renamed) _models[renamed] = moved;
                return false;
            case AuditActions.RegisteredModelDelete:
                _models.Remove(model);
                return false;
            case AuditActions.ModelVersionDelete when (model, number, under) is ({ } name, { } version, null):
                if (_models.TryGetValue(name, out var versions)) versions.Remove(version);
                return false;
            case GovernanceActions.VersionApprove or GovernanceActions.VersionReject when (model, number, under) is ({ } name, { } version, "approvals"):
                Add(name, version, new Decision(entry.Action, entry.Actor, payload is { } p ? Text(p, "reason") : null));
                return true;
            case GovernanceActions.StepWaive when (model, number, under) is ({ } name, { } version, { } step) && step.StartsWith("lifecycle/", StringComparison.Ordinal):
                Add(name, version, new Decision(entry.Action, entry.Actor,
                    payload is { } w ? $"{Text(w, "step")}: {Text(w, "reason")} until {w.GetProperty("expires_at").GetInt64().ToString(CultureInfo.InvariantCulture)}" : null));
                return true;
            case GovernanceActions.StepAttest when (model, number, under) is ({ } name, { } version, { } step) && step.StartsWith("lifecycle/", StringComparison.Ordinal):
                Add(name, version, new Decision(entry.Action, entry.Actor, payload is { } a ? $"{Text(a, "step")}: {Text(a, "link")} {Text(a, "note")}" : null));
                return true;
            default:
                return false;
        }
    }

    public async Task CompareAsync(ICollection<StateDifference> differences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(differences);
        foreach (var (name, versions) in _models)
        {
            foreach (var (version, expected) in versions)
            {
                var stored = new List<Decision>();
                stored.AddRange((await store.ListApprovalsAsync(name, version, cancellationToken)).Select(a =>
                    new Decision(a.Decision == ApprovalDecision.Approved ? GovernanceActions.VersionApprove : GovernanceActions.VersionReject, a.Approver, a.Reason)));
                stored.AddRange((await store.ListWaiversAsync(name, version, cancellationToken)).Select(w =>
                    new Decision(GovernanceActions.StepWaive, w.WaivedBy, $"{w.Step}: {w.Reason} until {w.ExpiresAt.ToString(CultureInfo.InvariantCulture)}")));
                stored.AddRange((await store.ListAttestationsAsync(name, version, cancellationToken)).Select(a =>
                    new Decision(GovernanceActions.StepAttest, a.AttestedBy, $"{a.Step}: {a.Link} {a.Note}")));
                Compare(AuditResources.ModelVersion(name, version), expected, stored, differences);
            }
        }
    }

    /// <summary>Per kind of decision, the ledger's and the stored rows in order; a detail the ledger did not keep matches any.</summary>
    private static void Compare(string record, List<Decision> expected, List<Decision> stored, ICollection<StateDifference> differences)
    {
        foreach (var kind in expected.Select(d => Kind(d.Action)).Concat(stored.Select(d => Kind(d.Action))).Distinct())
        {
            var ledger = expected.Where(d => Kind(d.Action) == kind).ToList();
            var rows = stored.Where(d => Kind(d.Action) == kind).ToList();
            for (var i = 0; i < Math.Max(ledger.Count, rows.Count); i++)
            {
                var want = i < ledger.Count ? ledger[i] : null;
                var have = i < rows.Count ? rows[i] : null;
                if (want is not null && have is not null && want.Action == have.Action && want.Actor == have.Actor && (want.Detail is null || want.Detail == have.Detail)) continue;
                differences.Add(new StateDifference(record, $"{kind} {i + 1}", want?.Show(), have?.Show()));
            }
        }
    }

    private static string Kind(string action) => action switch
    {
        GovernanceActions.StepWaive => "waiver",
        GovernanceActions.StepAttest => "attestation",
        _ => "decision",
    };

    private void Add(string name, int version, Decision decision)
    {
        if (!_models.TryGetValue(name, out var versions)) _models[name] = versions = [];
        if (!versions.TryGetValue(version, out var list)) versions[version] = list = [];
        list.Add(decision);
    }

    private static string Text(JsonElement payload, string name) => payload.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private sealed record Decision(string Action, string Actor, string? Detail)
    {
        public string Show() => $"{Action} by {Actor}{(Detail is null ? "" : $" ({Detail})")}";
    }
}
