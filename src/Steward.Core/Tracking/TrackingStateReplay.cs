using System.Text.Json;
using Steward.Audit;
using Steward.Audit.State;

namespace Steward.Tracking;

/// <summary>
/// Runs as the ledger says they were written: their params, latest metrics and tags, from the
/// kept payloads of <c>run.create</c>, <c>run.log_batch</c>, <c>run.log_metric</c>,
/// <c>run.log_param</c>, <c>run.set_tag</c> and <c>run.delete_tag</c>. A run with an entry
/// that has no kept payload is checked for the values the ledger has and for existence, not
/// for extra params or metrics.
/// </summary>
public sealed class TrackingStateReplay(ITrackingStore store) : IStateReplay
{
    private readonly Dictionary<string, ExpectedRun> _runs = new(StringComparer.Ordinal);

    public bool Apply(AuditEntry entry, JsonElement? payload)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.Action.StartsWith("run.", StringComparison.Ordinal) || !entry.Resource.StartsWith("run/", StringComparison.Ordinal)) return false;
        var runId = entry.Resource["run/".Length..];
        if (runId.Contains('/', StringComparison.Ordinal)) return false;
        if (!_runs.TryGetValue(runId, out var run)) _runs[runId] = run = new ExpectedRun();
        if (payload is not { } p)
        {
            run.Complete = false;
            return true;
        }

        switch (entry.Action)
        {
            case AuditActions.RunCreate:
                Pairs(p, "tags", run.Tags);
                break;
            case AuditActions.RunLogBatch or AuditActions.RunLogMetric or AuditActions.RunLogParam or AuditActions.RunSetTag:
                Pairs(p, "params", run.Params);
                Pairs(p, "tags", run.Tags);
                if (p.TryGetProperty("metrics", out var metrics))
                {
                    foreach (var m in metrics.EnumerateArray()) run.Log(m.GetProperty("key").GetString()!, Point.From(m));
                }

                break;
            case AuditActions.RunDeleteTag:
                run.Tags[p.GetProperty("key").GetString()!] = null;
                break;
        }

        return true;
    }

    public async Task CompareAsync(ICollection<StateDifference> differences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(differences);
        foreach (var (runId, expected) in _runs)
        {
            var record = AuditResources.Run(runId);
            var run = await store.GetRunAsync(runId, cancellationToken);
            if (run is null)
            {
                differences.Add(new StateDifference(record, "exists", "yes", null));
                continue;
            }

            var metrics = run.Data.Metrics.ToDictionary(m => m.Key, StringComparer.Ordinal);
            foreach (var (key, point) in expected.Metrics)
            {
                var stored = metrics.GetValueOrDefault(key);
                if (stored is null || !point.Matches(stored))
                {
                    differences.Add(new StateDifference(record, $"metric {key}", point.Show(), stored is null ? null : new Point(stored.Value, stored.Timestamp, stored.Step).Show()));
                }
            }

            Compare(record, "param", expected.Params, run.Data.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), expected.Complete, differences);
            Compare(record, "tag", expected.Tags, run.Data.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal), extras: false, differences);
            if (expected.Complete)
            {
                foreach (var key in metrics.Keys.Where(k => !expected.Metrics.ContainsKey(k)))
                {
                    differences.Add(new StateDifference(record, $"metric {key}", null, new Point(metrics[key].Value, metrics[key].Timestamp, metrics[key].Step).Show()));
                }
            }
        }
    }

    /// <summary>
    /// Each expected value against the stored one; stored keys the ledger never wrote only when
    /// <paramref name="extras"/> (tags are not: the store adds MLflow's own, such as <c>mlflow.runName</c>).
    /// </summary>
    private static void Compare(string record, string kind, Dictionary<string, string?> expected, Dictionary<string, string> stored, bool extras, ICollection<StateDifference> differences)
    {
        foreach (var (key, value) in expected)
        {
            var actual = stored.GetValueOrDefault(key);
            if (actual != value) differences.Add(new StateDifference(record, $"{kind} {key}", value, actual));
        }

        if (!extras) return;
        foreach (var (key, value) in stored.Where(s => !expected.ContainsKey(s.Key))) differences.Add(new StateDifference(record, $"{kind} {key}", null, value));
    }

    private static void Pairs(JsonElement payload, string name, Dictionary<string, string?> into)
    {
        if (!payload.TryGetProperty(name, out var pairs) || pairs.ValueKind != JsonValueKind.Array) return;
        foreach (var pair in pairs.EnumerateArray()) into[pair.GetProperty("key").GetString()!] = pair.GetProperty("value").GetString();
    }

    private sealed class ExpectedRun
    {
        public Dictionary<string, string?> Params { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string?> Tags { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Point> Metrics { get; } = new(StringComparer.Ordinal);

        /// <summary>Every entry of the run had its payload kept, so stored values the ledger never wrote are differences too.</summary>
        public bool Complete { get; set; } = true;

        public void Log(string key, Point point)
        {
            if (!Metrics.TryGetValue(key, out var latest) || point.IsLaterThan(latest)) Metrics[key] = point;
        }
    }

    /// <summary>A metric point; the latest is the greatest (step, timestamp, not NaN, value), as the store keeps it.</summary>
    private sealed record Point(double Value, long Timestamp, long Step)
    {
        public static Point From(JsonElement m) => new(Number(m.GetProperty("value")), Integer(m.GetProperty("timestamp")), Integer(m.GetProperty("step")));

        public bool IsLaterThan(Point other) =>
            (Step, Timestamp, double.IsNaN(Value) ? 0 : 1, double.IsNaN(Value) ? 0 : Value).CompareTo(
                (other.Step, other.Timestamp, double.IsNaN(other.Value) ? 0 : 1, double.IsNaN(other.Value) ? 0 : other.Value)) > 0;

        public bool Matches(Metric stored) =>
            stored.Step == Step && stored.Timestamp == Timestamp && (stored.Value.Equals(Value) || (double.IsNaN(stored.Value) && double.IsNaN(Value)));

        public string Show() => $"{StateVerifier.Show(Value)} (step {Step}, timestamp {Timestamp})";

        private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
            ? e.GetString() switch { "NaN" => double.NaN, "Infinity" => double.PositiveInfinity, _ => double.NegativeInfinity }
            : e.GetDouble();

        private static long Integer(JsonElement e) => e.ValueKind == JsonValueKind.String
            ? long.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : (long)e.GetDouble();
    }
}
