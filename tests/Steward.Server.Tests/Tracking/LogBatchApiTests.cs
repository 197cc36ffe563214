using System.Net;
using System.Text;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Tracking;

/// <summary>runs/log-batch: MLflow's limits, exact messages, and all-or-nothing writes.</summary>
public sealed class LogBatchApiTests(ApiServers servers) : ApiTests(servers)
{
    private static object[] Metrics(int count) => Enumerable.Range(0, count).Select(i => (object)new { key = $"m{i % 7}", value = i * 0.5, timestamp = 1700000000000L + i, step = (long)i }).ToArray();

    private static object[] Pairs(string prefix, int count) => Enumerable.Range(0, count).Select(i => (object)new { key = $"{prefix}{i}", value = "v" }).ToArray();

    [SkippableTheory, Backends]
    public async Task a_batch_writes_metrics_params_and_tags(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        (await api.PostAsync("runs/log-batch", new { run_id = runId, metrics = Metrics(1000) })).Ok();
        (await api.PostAsync("runs/log-batch", new { run_id = runId, @params = Pairs("p", 100), tags = Pairs("t", 100) })).Ok();
        var data = (await api.GetRunAsync(runId)).GetProperty("data");
        Assert.Equal(7, data.GetProperty("metrics").GetArrayLength());
        Assert.Equal(100, data.GetProperty("params").GetArrayLength());
        Assert.Equal(101, data.GetProperty("tags").GetArrayLength()); // with mlflow.runName
        var history = (await api.GetAsync($"metrics/get-history?run_id={runId}&metric_key=m0")).Ok().GetProperty("metrics");
        Assert.Equal(143, history.GetArrayLength());
    }

    [SkippableTheory, Backends]
    public async Task a_tag_value_with_a_lone_surrogate_is_refused_as_bad_input(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var body = $"{{\"run_id\": \"{runId}\", \"tags\": [{{\"key\": \"note\", \"value\": \"broken \\ud800 text\"}}]}}";
        var message = (await api.SendAsync(HttpMethod.Post, "runs/log-batch", body)).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("surrogate", message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(api, runId);
    }

    [SkippableTheory, Backends]
    public async Task a_metric_key_that_is_not_a_string_is_refused_naming_its_position(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var body = $"{{\"run_id\": \"{runId}\", \"metrics\": [{{\"key\": \"m\", \"value\": 1, \"timestamp\": 1}}, {{\"key\": 5, \"value\": 1, \"timestamp\": 1}}]}}";
        var message = (await api.SendAsync(HttpMethod.Post, "runs/log-batch", body)).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("metrics[1].key", message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(api, runId);
    }

    [SkippableTheory, Backends]
    public async Task a_metric_key_with_a_lone_surrogate_is_refused_naming_its_position(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var body = $"{{\"run_id\": \"{runId}\", \"metrics\": [{{\"key\": \"m\", \"value\": 1, \"timestamp\": 1}}, {{\"key\": \"m\", \"value\": 2, \"timestamp\": 2}}, {{\"key\": \"bad \\ud800\", \"value\": 1, \"timestamp\": 1}}]}}";
        var message = (await api.SendAsync(HttpMethod.Post, "runs/log-batch", body)).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("metrics[2].key", message, StringComparison.Ordinal);
        Assert.Contains("surrogate", message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(api, runId);
    }

    [SkippableTheory, Backends]
    public async Task more_than_1000_metrics_are_refused(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var message = (await api.PostAsync("runs/log-batch", new { run_id = runId, metrics = Metrics(1001) })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Equal("A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.", message);
        await AssertNothingStoredAsync(api, runId);
    }

    [SkippableTheory, Backends]
    public async Task more_than_100_params_are_refused(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var message = (await api.PostAsync("runs/log-batch", new { run_id = runId, @params = Pairs("p", 101) })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.StartsWith("A batch logging request can contain at most 100 params. Got 101 params.", message);
        await AssertNothingStoredAsync(api, runId);
    }

    [SkippableTheory, Backends]
    public async Task more_than_100_tags_are_refused(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var message = (await api.PostAsync("runs/log-batch", new { run_id = runId, tags = Pairs("t", 101) })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.StartsWith("A batch logging request can contain at most 100 tags. Got 101 tags.", message);
        await AssertNothingStoredAsync(api, runId);
    }

    [SkippableTheory, Backends]
    public async Task more_than_1000_items_in_all_are_refused(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var response = await api.PostAsync("runs/log-batch", new { run_id = runId, metrics = Metrics(900), @params = Pairs("p", 100), tags = Pairs("t", 1) });
        Assert.Contains("at most 1000", response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
        await AssertNothingStoredAsync(api, runId);
    }

    [SkippableTheory, Backends]
    public async Task a_batch_with_a_changed_param_stores_nothing_at_all(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        (await api.PostAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.1" })).Ok();
        var response = await api.PostAsync("runs/log-batch", new
        {
            run_id = runId,
            metrics = Metrics(10),
            @params = new[] { new { key = "fresh", value = "1" }, new { key = "lr", value = "0.2" } },
            tags = new[] { new { key = "added", value = "1" } },
        });
        Assert.StartsWith("Changing param values is not allowed.", response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
        var data = (await api.GetRunAsync(runId)).GetProperty("data");
        Assert.False(data.TryGetProperty("metrics", out _));
        Assert.Single(data.GetProperty("params").EnumerateArray());
        Assert.DoesNotContain(data.GetProperty("tags").EnumerateArray(), t => t.GetProperty("key").GetString() == "added");
    }

    [SkippableTheory, Backends]
    public async Task a_metric_without_a_timestamp_is_refused_naming_the_field(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var response = await api.PostAsync("runs/log-batch", new { run_id = runId, metrics = new object[] { new { key = "a", value = 1.0, timestamp = 1L }, new { key = "b", value = 1.0 } } });
        Assert.Contains("'metrics[1].timestamp'", response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
        await AssertNothingStoredAsync(api, runId);
    }

    [SkippableTheory, Backends]
    public async Task a_body_over_one_megabyte_is_refused(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var body = new StringBuilder($$"""{"run_id": "{{runId}}", "tags": [{"key": "big", "value": " """);
        body.Append('x', 1024 * 1024).Append("\"}]}");
        var message = (await api.SendAsync(HttpMethod.Post, "runs/log-batch", body.ToString())).Error(HttpStatusCode.RequestEntityTooLarge, "INVALID_PARAMETER_VALUE");
        Assert.StartsWith("Batched logging API requests must be at most 1048576 bytes", message);
        await AssertNothingStoredAsync(api, runId);
    }

    [SkippableTheory, Backends]
    public async Task duplicate_param_keys_with_different_values_are_refused(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var response = await api.PostAsync("runs/log-batch", new { run_id = runId, @params = new[] { new { key = "a", value = "1" }, new { key = "a", value = "2" } } });
        Assert.StartsWith("Duplicate parameter keys have been submitted", response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task a_batch_for_an_unknown_run_is_404(Backend backend)
    {
        var api = await ApiAsync(backend);
        (await api.PostAsync("runs/log-batch", new { run_id = "0123456789abcdef0123456789abcdef", metrics = Metrics(3) })).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    private static async Task AssertNothingStoredAsync(MlflowHttp api, string runId)
    {
        var data = (await api.GetRunAsync(runId)).GetProperty("data");
        Assert.False(data.TryGetProperty("metrics", out _), "metrics were stored");
        Assert.False(data.TryGetProperty("params", out _), "params were stored");
        Assert.Single(data.GetProperty("tags").EnumerateArray()); // only mlflow.runName
    }
}
