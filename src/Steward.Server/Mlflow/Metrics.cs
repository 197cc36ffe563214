using System.Text.Json;
using Steward.Errors;
using Steward.Paging;
using Steward.Server.Mlflow.Protocol;
using Steward.Tracking;

namespace Steward.Server.Mlflow;

/// <summary>Metric history: one run (<c>get-history</c>) and the UI's multi-run reads.</summary>
internal static class Metrics
{
    private const int MaxRunsPerBulkRequest = 100;
    private const int MaxBulkResults = 25000;
    private const int MaxBulkIntervalResultsPerRun = 2500;

    private static readonly JsonEncodedText MetricsField = JsonEncodedText.Encode("metrics");

    public static void Map(MlflowRoutes routes)
    {
        routes.Get("/metrics/get-history", GetHistoryAsync);
        routes.Get("/metrics/get-history-bulk", GetHistoryBulkAsync);
        routes.Get("/metrics/get-history-bulk-interval", GetHistoryBulkIntervalAsync);
    }

    /// <summary>
    /// All points of one metric, ordered by step then timestamp. <c>max_results</c> pages the
    /// answer (MLflow's SQL store ignores it and returns everything; paging only helps the client,
    /// which follows <c>next_page_token</c>).
    /// </summary>
    private static async Task GetHistoryAsync(MlflowCall call)
    {
        var r = call.Request;
        var history = await call.Tracking.GetMetricHistoryAsync(r.RunId(), r.String("metric_key"), call.Aborted);
        var offset = PageToken.Decode(r.String("page_token"));
        var max = r.Int32("max_results") is { } requested ? (int)AtLeastOne(requested) : int.MaxValue;
        var rest = history.Skip(offset).ToList();
        var page = rest.Count > max ? new Page<Metric>(rest.Take(max).ToList(), PageToken.Encode(offset + max)) : new Page<Metric>(rest, null);
        await call.OkAsync(page, static (w, page) =>
        {
            MlflowJson.WriteMetrics(w, page.Items);
            MlflowJson.WriteNextPageToken(w, page.NextPageToken);
        });
    }

    /// <summary>The UI's chart read: one metric of up to 100 runs (<c>run_id</c> repeated), each run's points by time.</summary>
    private static async Task GetHistoryBulkAsync(MlflowCall call)
    {
        var r = call.Request;
        var runIds = r.Strings("run_id") ?? throw StewardException.Invalid("GetMetricHistoryBulk request must specify at least one run_id.");
        if (runIds.Count > MaxRunsPerBulkRequest)
        {
            throw StewardException.Invalid($"GetMetricHistoryBulk request cannot specify more than {MaxRunsPerBulkRequest} run_ids. Received {runIds.Count} run_ids.");
        }

        var key = r.String("metric_key") ?? throw StewardException.Invalid("GetMetricHistoryBulk request must specify a metric_key.");
        var max = (int)Math.Min(r.Int64("max_results") is { } requested ? AtLeastOne(requested) : MaxBulkResults, MaxBulkResults);
        var points = new List<MetricHistoryPoint>();
        foreach (var runId in runIds.Distinct().Order(StringComparer.Ordinal))
        {
            var history = await call.Tracking.GetMetricHistoryAsync(runId, key, call.Aborted);
            points.AddRange(history.OrderBy(m => m.Timestamp).ThenBy(m => m.Step).ThenBy(m => m.Value).Select(m => new MetricHistoryPoint(runId, m)));
        }

        await call.OkAsync(points.Take(Math.Max(max, 0)).ToList(), WritePoints);
    }

    /// <summary>
    /// The UI's sampled read: for each run the points at up to <c>max_results</c> steps spread
    /// evenly over [start_step, end_step], always keeping each run's first and last step.
    /// </summary>
    private static async Task GetHistoryBulkIntervalAsync(MlflowCall call)
    {
        var r = call.Request;
        var runIds = r.Strings("run_ids");
        if (runIds is null || runIds.Count == 0) throw MlflowRequest.Missing("run_ids");
        if (runIds.Count > MaxRunsPerBulkRequest)
        {
            throw StewardException.Invalid($"GetMetricHistoryBulkInterval request must specify at most {MaxRunsPerBulkRequest} run_ids. Received {runIds.Count} run_ids.");
        }

        var key = Validation.Required(r.String("metric_key"), "metric_key");
        var max = r.Int32("max_results") ?? MaxBulkIntervalResultsPerRun;
        if (max is < 1 or > MaxBulkIntervalResultsPerRun)
        {
            throw StewardException.Invalid($"max_results must be between 1 and {MaxBulkIntervalResultsPerRun}.");
        }

        var (start, end) = (r.Int64("start_step"), r.Int64("end_step"));
        if (start is not null && end is not null && start > end)
        {
            throw StewardException.Invalid($"end_step must be greater than start_step. Found start_step={start} and end_step={end}.");
        }

        if ((start is null) != (end is null))
        {
            throw StewardException.Invalid("If either start step or end step are specified, both must be specified.");
        }

        var histories = new List<(string RunId, IReadOnlyList<Metric> Points)>(runIds.Count);
        foreach (var runId in runIds) histories.Add((runId, await call.Tracking.GetMetricHistoryAsync(runId, key, call.Aborted)));

        var allSteps = histories.SelectMany(h => h.Points).Select(p => p.Step).Distinct().Order().ToList();
        var first = start ?? 0;
        var last = end ?? (allSteps.Count > 0 ? allSteps[^1] : 0);
        var steps = SampleSteps(first, last, max, allSteps);
        foreach (var (_, points) in histories)
        {
            if (points.Count == 0) continue;
            foreach (var step in new[] { points.Min(p => p.Step), points.Max(p => p.Step) })
            {
                if (step >= first && step <= last) steps.Add(step);
            }
        }

        var result = histories
            .SelectMany(h => h.Points.Where(p => steps.Contains(p.Step)).Select(p => new MetricHistoryPoint(h.RunId, p)))
            .Take(MaxBulkResults)
            .ToList();
        await call.OkAsync(result, WritePoints);
    }

    /// <summary>Up to <paramref name="max"/> of the logged steps in [first, last], evenly spaced, plus the last one.</summary>
    private static HashSet<long> SampleSteps(long first, long last, int max, List<long> allSteps)
    {
        var from = LowerBound(allSteps, first);
        var to = LowerBound(allSteps, last + 1);
        if (to - from <= max) return allSteps.GetRange(from, to - from).ToHashSet();
        var interval = (double)(to - from) / max;
        var sampled = new HashSet<long>();
        for (var i = 0; i < max; i++) sampled.Add(allSteps[from + (int)(i * interval)]);
        sampled.Add(allSteps[to - 1]);
        return sampled;
    }

    private static int LowerBound(List<long> sorted, long value)
    {
        var index = sorted.BinarySearch(value);
        if (index < 0) return ~index;
        while (index > 0 && sorted[index - 1] == value) index--;
        return index;
    }

    private static void WritePoints(Utf8JsonWriter writer, List<MetricHistoryPoint> points)
    {
        if (points.Count == 0) return;
        writer.WriteStartArray(MetricsField);
        foreach (var point in points) MlflowJson.WriteMetric(writer, point.Metric, point.RunId);
        writer.WriteEndArray();
    }

    /// <summary>MLflow refuses a page size below one rather than reading it as "everything".</summary>
    private static long AtLeastOne(long requested) => requested >= 1
        ? requested
        : throw StewardException.Invalid($"Invalid value {requested} for parameter 'max_results' supplied. It must be at least 1.");
}
