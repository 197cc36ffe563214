using System.Text.Json.Nodes;
using Steward.Audit;

namespace Steward.Tracking;

/// <summary>The ledger side of tracking: each write's scope and its payload, as MLflow's request names the fields.</summary>
public sealed partial class TrackingService
{
    private AuditScope.Lease Audit(string action, string resource, JsonObject payload, Func<object?, string?>? resourceFromResult = null) =>
        AuditScope.Begin(actor, action, resource, payload, resourceFromResult);

    internal static JsonArray TagsPayload(IEnumerable<Tag>? tags) => AuditPayload.Pairs(tags, t => t.Key, t => t.Value);

    /// <summary>The batch as <c>runs/log-batch</c> carries it: metrics, params and tags in request order.</summary>
    private static JsonObject BatchPayload(string runId, RunBatch batch)
    {
        var metrics = new JsonArray();
        foreach (var metric in batch.Metrics)
        {
            metrics.Add(new JsonObject
            {
                ["key"] = metric.Key,
                ["value"] = AuditPayload.Number(metric.Value),
                ["timestamp"] = metric.Timestamp,
                ["step"] = metric.Step,
            });
        }

        return new JsonObject
        {
            ["run_id"] = runId,
            ["metrics"] = metrics,
            ["params"] = AuditPayload.Pairs(batch.Params, p => p.Key, p => p.Value),
            ["tags"] = TagsPayload(batch.Tags),
        };
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
