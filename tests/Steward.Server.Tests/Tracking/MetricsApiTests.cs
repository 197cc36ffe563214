using System.Net;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Tracking;

/// <summary>Metric history: one run, paged; and the UI's multi-run reads.</summary>
public sealed class MetricsApiTests(ApiServers servers) : ApiTests(servers)
{
    private static async Task<string> RunWithLossAsync(MlflowHttp api, string? experimentId = null, int steps = 10)
    {
        var runId = await api.CreateRunAsync(experimentId);
        var metrics = Enumerable.Range(0, steps).Select(s => new { key = "loss", value = 1.0 / (s + 1), timestamp = 1700000000000L + s, step = (long)s }).ToArray();
        (await api.PostAsync("runs/log-batch", new { run_id = runId, metrics })).Ok();
        return runId;
    }

    [SkippableTheory, Backends]
    public async Task history_returns_every_point_in_step_order(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await RunWithLossAsync(api);
        var history = (await api.GetAsync($"metrics/get-history?run_uuid={runId}&run_id={runId}&metric_key=loss&max_results=25000")).Ok();
        Assert.Equal(Enumerable.Range(0, 10).Select(s => (long)s), history.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("step").GetInt64()));
        Assert.False(history.TryGetProperty("next_page_token", out _));
    }

    [SkippableTheory, Backends]
    public async Task history_pages_when_max_results_is_smaller_than_the_history(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await RunWithLossAsync(api);
        var steps = new List<long>();
        string? token = null;
        do
        {
            var query = $"metrics/get-history?run_id={runId}&metric_key=loss&max_results=4" + (token is null ? "" : $"&page_token={Uri.EscapeDataString(token)}");
            var page = (await api.GetAsync(query)).Ok();
            steps.AddRange(page.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("step").GetInt64()));
            token = page.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        Assert.Equal(Enumerable.Range(0, 10).Select(s => (long)s), steps);
    }

    [SkippableTheory, Backends]
    public async Task history_of_a_metric_never_logged_is_empty(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        Assert.Equal("{}", (await api.GetAsync($"metrics/get-history?run_id={runId}&metric_key=nothing")).Body);
    }

    [SkippableTheory, Backends]
    public async Task history_without_a_metric_key_names_the_field(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        Assert.Contains("'metric_key'", (await api.GetAsync($"metrics/get-history?run_id={runId}")).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task bulk_history_returns_each_runs_points_with_its_run_id(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var a = await RunWithLossAsync(api, experimentId, steps: 3);
        var b = await RunWithLossAsync(api, experimentId, steps: 2);
        var points = (await api.GetAsync($"/ajax-api/2.0/mlflow/metrics/get-history-bulk?run_id={a}&run_id={b}&metric_key=loss")).Ok().GetProperty("metrics");
        Assert.Equal(5, points.GetArrayLength());
        Assert.Equal(3, points.EnumerateArray().Count(p => p.GetProperty("run_id").GetString() == a));
    }

    [SkippableTheory, Backends]
    public async Task bulk_interval_history_samples_steps_and_keeps_the_first_and_last(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await RunWithLossAsync(api, steps: 100);
        var points = (await api.GetAsync($"metrics/get-history-bulk-interval?run_ids={runId}&metric_key=loss&max_results=10")).Ok().GetProperty("metrics");
        var steps = points.EnumerateArray().Select(p => p.GetProperty("step").GetInt64()).ToList();
        Assert.InRange(steps.Count, 10, 12);
        Assert.Contains(0L, steps);
        Assert.Contains(99L, steps);
        Assert.All(points.EnumerateArray(), p => Assert.Equal(runId, p.GetProperty("run_id").GetString()));

        var window = (await api.GetAsync($"metrics/get-history-bulk-interval?run_ids={runId}&metric_key=loss&start_step=10&end_step=20")).Ok().GetProperty("metrics");
        Assert.Equal(Enumerable.Range(10, 11).Select(s => (long)s), window.EnumerateArray().Select(p => p.GetProperty("step").GetInt64()));
        (await api.GetAsync($"metrics/get-history-bulk-interval?run_ids={runId}&metric_key=loss&start_step=10")).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
    }
}
