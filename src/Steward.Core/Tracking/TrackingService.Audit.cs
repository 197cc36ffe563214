using System.Text.Json.Nodes;
using Steward.Audit;

namespace Steward.Tracking;

/// <summary>The ledger side of tracking: each write's change and its payload, as MLflow's request names the fields.</summary>
public sealed partial class TrackingService
{
    private AuditedChange Change(string action, string resource, JsonObject payload, Func<object?, string?>? resourceFromResult = null) =>
        AuditedChange.Of(actor, action, resource, payload, resourceFromResult);

    internal static JsonArray TagsPayload(IEnumerable<Tag>? tags) => AuditPayload.Pairs(tags, t => t.Key, t => t.Value);

    /// <summary>
    /// The digest of the batch as <c>runs/log-batch</c> carries it, written straight into the
    /// hash (a batch may hold 1,000 points): the canonical JSON of
    /// <c>{"metrics": [{"key", "step", "timestamp", "value"}], "params": [{"key", "value"}], "run_id", "tags": [{"key", "value"}]}</c>,
    /// lists in request order, numbers as <see cref="AuditPayload"/> writes them.
    /// </summary>
    internal static string BatchDigest(string runId, RunBatch batch) => AuditPayload.Digest(BatchPayload(runId, batch));

    /// <summary>The canonical bytes whose digest <see cref="BatchDigest"/> is, which the ledger keeps beside the entry.</summary>
    internal static byte[] BatchPayload(string runId, RunBatch batch)
    {
        using var json = new CanonicalJsonHasher(keepBytes: true);
        json.Raw('{');
        json.Name("metrics");
        json.Raw('[');
        for (var i = 0; i < batch.Metrics.Count; i++)
        {
            var metric = batch.Metrics[i];
            if (i > 0) json.Raw(',');
            json.Raw('{');
            json.Name("key");
            json.String(metric.Key);
            json.Raw(',');
            json.Name("step");
            json.Integer(metric.Step);
            json.Raw(',');
            json.Name("timestamp");
            json.Integer(metric.Timestamp);
            json.Raw(',');
            json.Name("value");
            json.Number(metric.Value);
            json.Raw('}');
        }

        json.Raw(']');
        json.Raw(',');
        json.Name("params");
        WritePairs(json, batch.Params.Select(p => (p.Key, p.Value)));
        json.Raw(',');
        json.Name("run_id");
        json.String(runId);
        json.Raw(',');
        json.Name("tags");
        WritePairs(json, batch.Tags.Select(t => (t.Key, t.Value)));
        json.Raw('}');
        return json.FinishBytes();
    }

    private static void WritePairs(CanonicalJsonHasher json, IEnumerable<(string Key, string Value)> pairs)
    {
        json.Raw('[');
        var first = true;
        foreach (var (key, value) in pairs)
        {
            if (!first) json.Raw(',');
            first = false;
            json.Raw('{');
            json.Name("key");
            json.String(key);
            json.Raw(',');
            json.Name("value");
            json.String(value);
            json.Raw('}');
        }

        json.Raw(']');
    }

    private static JsonObject InputsPayload(string runId, IReadOnlyList<DatasetInput> inputs)
    {
        var datasets = new JsonArray();
        foreach (var input in inputs)
        {
            datasets.Add(new JsonObject
            {
                ["tags"] = TagsPayload(input.Tags),
                ["dataset"] = new JsonObject
                {
                    ["name"] = input.Dataset.Name,
                    ["digest"] = input.Dataset.Digest,
                    ["source_type"] = input.Dataset.SourceType,
                    ["source"] = input.Dataset.Source,
                    ["schema"] = input.Dataset.Schema,
                    ["profile"] = input.Dataset.Profile,
                },
            });
        }

        return new JsonObject { ["run_id"] = runId, ["datasets"] = datasets };
    }
}
