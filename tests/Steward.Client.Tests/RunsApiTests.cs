using System.Net;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

public sealed class RunsApiTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private readonly StewardClient _client = server.Client;

    private async Task<string> NewExperimentAsync() =>
        (await _client.CreateExperimentAsync(StewardServerFixture.Unique("runs"))).ExperimentId;

    [Fact]
    public async Task created_run_is_running_and_carries_its_name_tag()
    {
        var experimentId = await NewExperimentAsync();
        var run = await _client.CreateRunAsync(experimentId, "baseline", new Dictionary<string, string> { ["git"] = "abc123" });
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Equal("baseline", run.RunName);
        Assert.Equal("baseline", run.Tags["mlflow.runName"]);
        Assert.Equal("abc123", run.Tags["git"]);
        Assert.True(run.StartTime > 0);
        Assert.Null(run.EndTime);
        Assert.Equal(run, await _client.GetRunAsync(run.RunId), RunComparer.Instance);
    }

    [Fact]
    public async Task log_batch_round_trips_metrics_params_and_tags()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        await _client.LogBatchAsync(
            run.RunId,
            [new Metric("rmse", 0.25, 1000, 1), new Metric("rmse", 0.125, 2000, 2)],
            new Dictionary<string, string> { ["depth"] = "6" },
            new Dictionary<string, string> { ["stage"] = "tuning" });

        var stored = await _client.GetRunAsync(run.RunId);
        Assert.Equal(new Metric("rmse", 0.125, 2000, 2), Assert.Single(stored.Metrics));
        Assert.Equal("6", stored.Params["depth"]);
        Assert.Equal("tuning", stored.Tags["stage"]);
    }

    [Fact]
    public async Task nan_and_infinity_metric_values_round_trip()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        await _client.LogBatchAsync(run.RunId, [
            new Metric("loss", double.NaN, 1, 0),
            new Metric("loss", double.PositiveInfinity, 2, 1),
            new Metric("loss", double.NegativeInfinity, 3, 2),
        ]);

        var history = await _client.GetMetricHistoryAsync(run.RunId, "loss");
        Assert.Equal([double.NaN, double.PositiveInfinity, double.NegativeInfinity], history.Select(m => m.Value));

        var raw = await server.Http.GetStringAsync($"api/v1/runs/{run.RunId}/metrics/loss/history");
        Assert.Contains("\"NaN\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"-Infinity\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task metric_history_works_for_keys_with_slashes()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        for (var step = 0; step < 5; step++) await _client.LogMetricAsync(run.RunId, "train/loss", 1.0 / (step + 1), step);
        var history = await _client.GetMetricHistoryAsync(run.RunId, "train/loss");
        Assert.Equal([0L, 1, 2, 3, 4], history.Select(m => m.Step));
    }

    [Fact]
    public async Task missing_run_gives_problem_json_with_404()
    {
        using var response = await server.Http.GetAsync("api/v1/runs/doesnotexist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"type\":\"https://steward.dev/errors/resource-does-not-exist\"", body, StringComparison.Ordinal);
        Assert.Contains("\"errorCode\":\"RESOURCE_DOES_NOT_EXIST\"", body, StringComparison.Ordinal);
        Assert.Contains("\"status\":404", body, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.GetRunAsync("doesnotexist"));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Run with id=doesnotexist not found", error.Detail);
    }

    [Fact]
    public async Task search_pages_through_all_runs()
    {
        var experimentId = await NewExperimentAsync();
        for (var i = 0; i < 25; i++) await _client.CreateRunAsync(experimentId, $"run-{i:D2}");

        var search = new RunSearch([experimentId]) { OrderBy = ["attributes.run_name ASC"], MaxResults = 10 };
        var first = await _client.SearchRunsAsync(search);
        Assert.Equal(10, first.Items.Count);
        var second = await _client.SearchRunsAsync(search, first.NextPageToken);
        Assert.Equal("run-10", second.Items[0].RunName);

        var all = await _client.SearchAllRunsAsync(search).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"run-{i:D2}"), all.Select(r => r.RunName));
    }

    [Fact]
    public async Task search_filters_and_orders_runs_by_metric()
    {
        var experimentId = await NewExperimentAsync();
        foreach (var (name, rmse) in new[] { ("a", 0.9), ("b", 0.3), ("c", 0.5), ("d", 1.5) })
        {
            var run = await _client.CreateRunAsync(experimentId, name);
            await _client.LogMetricAsync(run.RunId, "rmse", rmse);
        }

        var page = await _client.SearchRunsAsync(new RunSearch([experimentId]) { Filter = "metrics.rmse < 1", OrderBy = ["metrics.rmse ASC"] });
        Assert.Equal(["b", "c", "a"], page.Items.Select(r => r.RunName));
    }

    [Fact]
    public async Task ending_a_run_sets_status_and_end_time()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        var ended = await _client.EndRunAsync(run.RunId, RunStatus.Killed);
        Assert.Equal(RunStatus.Killed, ended.Status);
        Assert.NotNull(ended.EndTime);
    }

    [Fact]
    public async Task deleted_run_can_be_restored()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        await _client.DeleteRunAsync(run.RunId);
        Assert.Equal(LifecycleStage.Deleted, (await _client.GetRunAsync(run.RunId)).LifecycleStage);
        await _client.RestoreRunAsync(run.RunId);
        Assert.Equal(LifecycleStage.Active, (await _client.GetRunAsync(run.RunId)).LifecycleStage);
    }

    [Fact]
    public async Task run_tags_are_set_and_deleted()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        await _client.SetRunTagAsync(run.RunId, "data/version", "v3");
        Assert.Equal("v3", (await _client.GetRunAsync(run.RunId)).Tags["data/version"]);
        await _client.DeleteRunTagAsync(run.RunId, "data/version");
        Assert.False((await _client.GetRunAsync(run.RunId)).Tags.ContainsKey("data/version"));
    }

    [Fact]
    public async Task log_batch_rejects_more_than_1000_metrics()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        var metrics = Enumerable.Range(0, 1001).Select(i => new Metric("m", i, 1, i)).ToList();
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.LogBatchAsync(run.RunId, metrics));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Empty((await _client.GetRunAsync(run.RunId)).Metrics);
    }

    [Fact]
    public async Task a_param_keeps_its_first_value()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        await _client.LogParamAsync(run.RunId, "lr", "0.1");
        await _client.LogParamAsync(run.RunId, "lr", "0.1");
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.LogParamAsync(run.RunId, "lr", "0.2"));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("0.1", (await _client.GetRunAsync(run.RunId)).Params["lr"]);
    }

    [Fact]
    public async Task logged_inputs_appear_on_the_run()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        var dataset = new Dataset("telco-churn", "3f2a9c1b", "local", "{\"uri\": \"datasets/telco.csv\"}");
        await _client.LogInputsAsync(run.RunId, [new DatasetInput(dataset, new Dictionary<string, string> { ["mlflow.data.context"] = "training" })]);

        var input = Assert.Single((await _client.GetRunAsync(run.RunId)).Inputs);
        Assert.Equal("telco-churn", input.Dataset.Name);
        Assert.Equal("training", input.Tags!["mlflow.data.context"]);
    }

    [Fact]
    public async Task find_run_ids_by_prefix_returns_the_run_it_names()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        Assert.Equal([run.RunId], await _client.FindRunIdsAsync(run.RunId[..8]));
        Assert.Empty(await _client.FindRunIdsAsync((run.RunId[0] == '0' ? "1" : "0") + run.RunId[1..]));
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.FindRunIdsAsync("4f6"));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    /// <summary>Runs compare by value, including their maps and lists.</summary>
    private sealed class RunComparer : IEqualityComparer<Run>
    {
        public static readonly RunComparer Instance = new();

        public bool Equals(Run? x, Run? y) =>
            x is not null && y is not null
            && x with { Metrics = [], Params = y.Params, Tags = y.Tags, Inputs = [] } == y with { Metrics = [], Inputs = [] }
            && x.Tags.OrderBy(t => t.Key).SequenceEqual(y.Tags.OrderBy(t => t.Key))
            && x.Params.OrderBy(t => t.Key).SequenceEqual(y.Params.OrderBy(t => t.Key));

        public int GetHashCode(Run obj) => obj.RunId.GetHashCode(StringComparison.Ordinal);
    }
}
