using System.Net;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Tracking;

/// <summary>Run RPCs: the shape of a run, lifecycle, single logging calls, inputs, models, search.</summary>
public sealed class RunsApiTests(ApiServers servers) : ApiTests(servers)
{
    [SkippableTheory, Backends]
    public async Task a_new_run_has_mlflows_shape(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var run = (await api.PostAsync("runs/create", new { experiment_id = experimentId, user_id = "ann", run_name = "first", start_time = 1700000000000L })).Ok().GetProperty("run");
        var info = run.GetProperty("info");
        var runId = info.GetProperty("run_id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", runId);
        Assert.Equal(runId, info.GetProperty("run_uuid").GetString());
        Assert.Equal("first", info.GetProperty("run_name").GetString());
        Assert.Equal("local-admin", info.GetProperty("user_id").GetString()); // the authenticated actor, not the user_id the client claims
        Assert.Equal("RUNNING", info.GetProperty("status").GetString());
        Assert.Equal(1700000000000, info.GetProperty("start_time").GetInt64());
        Assert.False(info.TryGetProperty("end_time", out _), "a running run has no end_time");
        Assert.Equal($"mlflow-artifacts:/{experimentId}/{runId}/artifacts", info.GetProperty("artifact_uri").GetString());
        Assert.Equal("active", info.GetProperty("lifecycle_stage").GetString());
        Assert.False(run.GetProperty("data").TryGetProperty("metrics", out _), "a run without metrics has no metrics field");
        Assert.Equal(JsonValueKind.Object, run.GetProperty("inputs").ValueKind);
        Assert.Contains(run.GetProperty("data").GetProperty("tags").EnumerateArray(), t => t.GetProperty("key").GetString() == "mlflow.runName" && t.GetProperty("value").GetString() == "first");
    }

    [SkippableTheory, Backends]
    public async Task an_unknown_run_is_404_resource_does_not_exist(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.GetAsync("runs/get?run_id=deadbeef");
        Assert.Equal("Run with id=deadbeef not found", response.Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST"));
    }

    [SkippableTheory, Backends]
    public async Task update_finishes_a_run_and_renames_it(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var info = (await api.PostAsync("runs/update", new { run_id = runId, run_uuid = runId, status = "FINISHED", end_time = 1700000005000L, run_name = "renamed" })).Ok().GetProperty("run_info");
        Assert.Equal("FINISHED", info.GetProperty("status").GetString());
        Assert.Equal(1700000005000, info.GetProperty("end_time").GetInt64());
        var run = await api.GetRunAsync(runId);
        Assert.Equal("renamed", run.GetProperty("info").GetProperty("run_name").GetString());
        Assert.Contains(run.GetProperty("data").GetProperty("tags").EnumerateArray(), t => t.GetProperty("key").GetString() == "mlflow.runName" && t.GetProperty("value").GetString() == "renamed");
    }

    [SkippableTheory, Backends]
    public async Task single_logging_calls_land_in_the_run(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        (await api.PostAsync("runs/log-metric", new { run_id = runId, run_uuid = runId, key = "acc", value = 0.5, timestamp = 1L, step = 2L })).Ok();
        (await api.PostAsync("runs/log-metric", new { run_id = runId, key = "acc", value = 0.9, timestamp = 2L, step = 1L })).Ok();
        (await api.PostAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.1" })).Ok();
        (await api.PostAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.1" })).Ok();
        (await api.PostAsync("runs/set-tag", new { run_id = runId, key = "team", value = "a" })).Ok();
        (await api.PostAsync("runs/set-tag", new { run_id = runId, key = "gone", value = "x" })).Ok();
        (await api.PostAsync("runs/delete-tag", new { run_id = runId, key = "gone" })).Ok();

        var data = (await api.GetRunAsync(runId)).GetProperty("data");
        var metric = Assert.Single(data.GetProperty("metrics").EnumerateArray());
        Assert.Equal(0.5, metric.GetProperty("value").GetDouble()); // the greatest step wins, not the latest logged
        Assert.Equal(2, metric.GetProperty("step").GetInt64());
        var param = Assert.Single(data.GetProperty("params").EnumerateArray());
        Assert.Equal("0.1", param.GetProperty("value").GetString());
        var tags = data.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("key").GetString()).ToList();
        Assert.Contains("team", tags);
        Assert.DoesNotContain("gone", tags);
    }

    [SkippableTheory, Backends]
    public async Task changing_a_param_value_is_refused_with_mlflows_message(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        (await api.PostAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.1" })).Ok();
        var response = await api.PostAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.2" });
        Assert.Equal(
            $"Changing param values is not allowed. Param with key='lr' was already logged with value='0.1' for run ID='{runId}'. Attempted logging new value '0.2'.",
            response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task writing_to_a_deleted_run_is_refused_and_restore_allows_it_again(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        (await api.PostAsync("runs/delete", new { run_id = runId })).Ok();
        var response = await api.PostAsync("runs/log-metric", new { run_id = runId, key = "m", value = 1.0, timestamp = 1L });
        Assert.Equal($"The run {runId} must be in the 'active' state. Current state is deleted.", response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
        (await api.PostAsync("runs/restore", new { run_id = runId })).Ok();
        (await api.PostAsync("runs/log-metric", new { run_id = runId, key = "m", value = 1.0, timestamp = 1L })).Ok();
    }

    [SkippableTheory, Backends]
    public async Task nan_and_infinities_round_trip_as_protobuf_json_strings(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        (await api.PostAsync("runs/log-metric", new { run_id = runId, key = "nan", value = "NaN", timestamp = 1L })).Ok();
        (await api.PostAsync("runs/log-metric", new { run_id = runId, key = "inf", value = "Infinity", timestamp = 1L })).Ok();
        (await api.PostAsync("runs/log-metric", new { run_id = runId, key = "ninf", value = "-Infinity", timestamp = 1L })).Ok();
        var metrics = (await api.GetRunAsync(runId)).GetProperty("data").GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("key").GetString()!, m => m.GetProperty("value").GetString());
        Assert.Equal("NaN", metrics["nan"]);
        Assert.Equal("Infinity", metrics["inf"]);
        Assert.Equal("-Infinity", metrics["ninf"]);
        var history = (await api.GetAsync($"metrics/get-history?run_id={runId}&metric_key=ninf")).Ok().GetProperty("metrics");
        Assert.Equal("-Infinity", Assert.Single(history.EnumerateArray()).GetProperty("value").GetString());
    }

    [SkippableTheory, Backends]
    public async Task non_ascii_text_round_trips_unchanged(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        const string text = "Grüße, 東京 — \"quoted\" <tag> & ✓";
        (await api.PostAsync("runs/set-tag", new { run_id = runId, key = "note", value = text })).Ok();
        var tag = (await api.GetRunAsync(runId)).GetProperty("data").GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "note");
        Assert.Equal(text, tag.GetProperty("value").GetString());
    }

    [SkippableTheory, Backends]
    public async Task log_inputs_shows_the_datasets_in_the_run_inputs(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        var dataset = new { name = "train", digest = "abc123", source_type = "local", source = "{\"uri\": \"x.csv\"}", schema = "{}", profile = "{\"num_rows\": 3}" };
        (await api.PostAsync("runs/log-inputs", new { run_id = runId, datasets = new[] { new { tags = new[] { new { key = "mlflow.data.context", value = "training" } }, dataset } } })).Ok();
        var input = Assert.Single((await api.GetRunAsync(runId)).GetProperty("inputs").GetProperty("dataset_inputs").EnumerateArray());
        Assert.Equal("abc123", input.GetProperty("dataset").GetProperty("digest").GetString());
        Assert.Equal("{\"num_rows\": 3}", input.GetProperty("dataset").GetProperty("profile").GetString());
        Assert.Equal("training", input.GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [SkippableTheory, Backends]
    public async Task log_model_appends_to_the_model_history_tag(Backend backend)
    {
        var api = await ApiAsync(backend);
        var runId = await api.CreateRunAsync();
        foreach (var path in new[] { "model", "model2" })
        {
            var modelJson = JsonSerializer.Serialize(new { run_id = runId, artifact_path = path, utc_time_created = "2024-01-01 00:00:00.000000", flavors = new { python_function = new { } } });
            (await api.PostAsync("runs/log-model", new { run_id = runId, model_json = modelJson })).Ok();
        }

        var tag = (await api.GetRunAsync(runId)).GetProperty("data").GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "mlflow.log-model.history");
        var history = JsonDocument.Parse(tag.GetProperty("value").GetString()!).RootElement;
        Assert.Equal(["model", "model2"], history.EnumerateArray().Select(m => m.GetProperty("artifact_path").GetString()));

        var incomplete = await api.PostAsync("runs/log-model", new { run_id = runId, model_json = "{\"artifact_path\": \"m\"}" });
        Assert.StartsWith("Model json is missing mandatory fields", incomplete.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task search_filters_orders_and_pages_runs(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var ids = new Dictionary<double, string>();
        foreach (var acc in new[] { 0.3, 0.7, 0.8, 0.95 })
        {
            var runId = await api.CreateRunAsync(experimentId);
            (await api.PostAsync("runs/log-metric", new { run_id = runId, key = "acc", value = acc, timestamp = 1L })).Ok();
            (await api.PostAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.1" })).Ok();
            ids[acc] = runId;
        }

        object Query(string? token) => new { experiment_ids = new[] { experimentId }, filter = "metrics.acc > 0.5 and params.lr = '0.1'", order_by = new[] { "metrics.acc DESC" }, max_results = 2, run_view_type = "ACTIVE_ONLY", page_token = token };
        var first = (await api.PostAsync("runs/search", Query(null))).Ok();
        Assert.Equal([ids[0.95], ids[0.8]], first.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("info").GetProperty("run_id").GetString()));
        Assert.All(first.GetProperty("runs").EnumerateArray(), r => Assert.Equal(JsonValueKind.Object, r.GetProperty("inputs").ValueKind));
        var second = (await api.PostAsync("runs/search", Query(first.GetProperty("next_page_token").GetString()))).Ok();
        Assert.Equal([ids[0.7]], second.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("info").GetProperty("run_id").GetString()));
        Assert.False(second.TryGetProperty("next_page_token", out _));
    }

    [SkippableTheory, Backends]
    public async Task search_errors_are_400_with_mlflows_messages(Backend backend)
    {
        var api = await ApiAsync(backend);
        Assert.StartsWith("Invalid comparator '>>>'", (await api.PostAsync("runs/search", new { filter = "metrics.acc >>> 1" })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
        Assert.StartsWith("Invalid value 60000 for parameter 'max_results' supplied.", (await api.PostAsync("runs/search", new { max_results = 60000 })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
        Assert.Equal("Invalid page token, could not base64-decode", (await api.PostAsync("runs/search", new { page_token = "bad" })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }
}
