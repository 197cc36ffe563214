using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Audit;

/// <summary>
/// Every write an MLflow client can make, and every artifact download, appends exactly one
/// ledger entry with the right action, resource and actor (the server's identity, never the
/// client's <c>user_id</c>); a rejected request appends nothing.
/// </summary>
public sealed class LedgerMlflowApiTests(ApiServers servers) : ApiTests(servers)
{
    [SkippableTheory, Backends]
    public async Task every_mlflow_write_and_download_appends_exactly_one_entry(Backend backend)
    {
        var server = await ServerAsync(backend);
        var api = server.Api;
        var next = await TreeSizeAsync(server);

        async Task Expect(string action, Func<Task<string>> write)
        {
            var resource = await write();
            using var response = await server.Http.GetAsync($"/api/v1/audit/entries?start={next}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var entry = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray().ToList());
            Assert.Equal(
                (next, action, resource, "local-admin"),
                (entry.GetProperty("index").GetInt64(), entry.GetProperty("action").GetString(), entry.GetProperty("resource").GetString(), entry.GetProperty("actor").GetString()));
            next++;
        }

        string experimentId = "", runId = "", modelId = "", artifactUri = "";
        var model = Unique("mlflow-ledger");
        await Expect("experiment.create", async () => $"experiment/{experimentId = await api.CreateExperimentAsync()}");
        await Expect("experiment.rename", async () => Ok(await api.PostAsync("experiments/update", new { experiment_id = experimentId, new_name = Unique("renamed") }), $"experiment/{experimentId}"));
        await Expect("experiment.set_tag", async () => Ok(await api.PostAsync("experiments/set-experiment-tag", new { experiment_id = experimentId, key = "k", value = "v" }), $"experiment/{experimentId}"));
        await Expect("experiment.delete_tag", async () => Ok(await api.PostAsync("experiments/delete-experiment-tag", new { experiment_id = experimentId, key = "k" }), $"experiment/{experimentId}"));
        await Expect("run.create", async () =>
        {
            var run = (await api.PostAsync("runs/create", new { experiment_id = experimentId, user_id = "claimed-by-client" })).Ok().GetProperty("run").GetProperty("info");
            artifactUri = run.GetProperty("artifact_uri").GetString()!;
            return $"run/{runId = run.GetProperty("run_id").GetString()!}";
        });
        await Expect("run.log_metric", async () => Ok(await api.PostAsync("runs/log-metric", new { run_id = runId, key = "m", value = 1.0, timestamp = 1, step = 0 }), $"run/{runId}"));
        await Expect("run.log_param", async () => Ok(await api.PostAsync("runs/log-parameter", new { run_id = runId, key = "p", value = "1" }), $"run/{runId}"));
        await Expect("run.set_tag", async () => Ok(await api.PostAsync("runs/set-tag", new { run_id = runId, key = "t", value = "1" }), $"run/{runId}"));
        await Expect("run.delete_tag", async () => Ok(await api.PostAsync("runs/delete-tag", new { run_id = runId, key = "t" }), $"run/{runId}"));
        await Expect("run.log_batch", async () => Ok(await api.PostAsync("runs/log-batch", new { run_id = runId, metrics = new[] { new { key = "m", value = double.NaN.ToString(), timestamp = 2, step = 1 } } }), $"run/{runId}"));
        await Expect("run.log_inputs", async () => Ok(await api.PostAsync("runs/log-inputs", new { run_id = runId, datasets = new[] { new { dataset = new { name = "d", digest = "x", source_type = "local", source = "file:///d" } } } }), $"run/{runId}"));
        await Expect("run.log_model", async () => Ok(await api.PostAsync("runs/log-model", new { run_id = runId, model_json = JsonSerializer.Serialize(new { artifact_path = "model", flavors = new { }, utc_time_created = "2026-01-01", run_id = runId }) }), $"run/{runId}"));
        await Expect("run.update", async () => Ok(await api.PostAsync("runs/update", new { run_id = runId, status = "FINISHED" }), $"run/{runId}"));

        var stored = artifactUri["mlflow-artifacts:/".Length..] + "/model/MLmodel";
        await Expect("artifact.upload", async () =>
        {
            using var body = new ByteArrayContent([1, 2, 3]);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await server.Http.PutAsync($"/api/2.0/mlflow-artifacts/artifacts/{stored}", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return $"artifact/{stored}";
        });
        await Expect("artifact.download", async () =>
        {
            Assert.Equal([1, 2, 3], await server.Http.GetByteArrayAsync($"/api/2.0/mlflow-artifacts/artifacts/{stored}"));
            return $"artifact/{stored}";
        });
        await Expect("artifact.download", async () =>
        {
            Assert.Equal([1, 2, 3], await server.Http.GetByteArrayAsync($"/get-artifact?run_id={runId}&path=model/MLmodel"));
            return $"run/{runId}/artifact/model/MLmodel";
        });

        await Expect("logged_model.create", async () => $"logged_model/{modelId = (await api.PostAsync("logged-models", new { experiment_id = experimentId })).Ok().GetProperty("model").GetProperty("info").GetProperty("model_id").GetString()!}");
        await Expect("logged_model.log_params", async () => Ok(await api.PostAsync($"logged-models/{modelId}/params", new { @params = new[] { new { key = "a", value = "1" } } }), $"logged_model/{modelId}"));
        await Expect("logged_model.set_tags", async () => Ok(await api.PatchAsync($"logged-models/{modelId}/tags", new { tags = new[] { new { key = "a", value = "1" } } }), $"logged_model/{modelId}"));
        await Expect("logged_model.delete_tag", async () => Ok(await api.DeleteAsync($"logged-models/{modelId}/tags/a"), $"logged_model/{modelId}"));
        await Expect("logged_model.finalize", async () => Ok(await api.PatchAsync($"logged-models/{modelId}", new { model_id = modelId, status = "LOGGED_MODEL_READY" }), $"logged_model/{modelId}"));
        await Expect("logged_model.delete", async () => Ok(await api.DeleteAsync($"logged-models/{modelId}"), $"logged_model/{modelId}"));

        await Expect("registered_model.create", async () => Ok(await api.PostAsync("registered-models/create", new { name = model }), $"registered_model/{model}"));
        await Expect("registered_model.update", async () => Ok(await api.PatchAsync("registered-models/update", new { name = model, description = "d" }), $"registered_model/{model}"));
        await Expect("registered_model.set_tag", async () => Ok(await api.PostAsync("registered-models/set-tag", new { name = model, key = "k", value = "v" }), $"registered_model/{model}"));
        await Expect("registered_model.delete_tag", async () => Ok(await api.DeleteAsync("registered-models/delete-tag", new { name = model, key = "k" }), $"registered_model/{model}"));
        await Expect("model_version.create", async () => Ok(await api.PostAsync("model-versions/create", new { name = model, source = $"{artifactUri}/model", run_id = runId }), $"registered_model/{model}/version/1"));
        await Expect("model_version.update", async () => Ok(await api.PatchAsync("model-versions/update", new { name = model, version = "1", description = "d" }), $"registered_model/{model}/version/1"));
        await Expect("model_version.set_tag", async () => Ok(await api.PostAsync("model-versions/set-tag", new { name = model, version = "1", key = "k", value = "v" }), $"registered_model/{model}/version/1"));
        await Expect("model_version.delete_tag", async () => Ok(await api.DeleteAsync("model-versions/delete-tag", new { name = model, version = "1", key = "k" }), $"registered_model/{model}/version/1"));
        await Expect("model_version.transition_stage", async () => Ok(await api.PostAsync("model-versions/transition-stage", new { name = model, version = "1", stage = "Staging", archive_existing_versions = false }), $"registered_model/{model}/version/1"));
        await Expect("registered_model.set_alias", async () => Ok(await api.PostAsync("registered-models/alias", new { name = model, alias = "champion", version = "1" }), $"registered_model/{model}"));
        await Expect("artifact.download", async () =>
        {
            Assert.Equal([1, 2, 3], await server.Http.GetByteArrayAsync($"/model-versions/get-artifact?name={model}&version=1&path=MLmodel"));
            return $"artifact/{stored}";
        });
        await Expect("registered_model.delete_alias", async () => Ok(await api.DeleteAsync("registered-models/alias", new { name = model, alias = "champion" }), $"registered_model/{model}"));
        await Expect("model_version.delete", async () => Ok(await api.DeleteAsync("model-versions/delete", new { name = model, version = "1" }), $"registered_model/{model}/version/1"));
        await Expect("registered_model.rename", async () => Ok(await api.PostAsync("registered-models/rename", new { name = model, new_name = model + "-2" }), $"registered_model/{model}"));
        await Expect("registered_model.delete", async () => Ok(await api.DeleteAsync("registered-models/delete", new { name = model + "-2" }), $"registered_model/{model}-2"));
        await Expect("artifact.delete", async () => Ok(await api.DeleteAsync($"/api/2.0/mlflow-artifacts/artifacts/{stored}"), $"artifact/{stored}"));
        await Expect("run.delete", async () => Ok(await api.PostAsync("runs/delete", new { run_id = runId }), $"run/{runId}"));
        await Expect("run.restore", async () => Ok(await api.PostAsync("runs/restore", new { run_id = runId }), $"run/{runId}"));
        await Expect("experiment.delete", async () => Ok(await api.PostAsync("experiments/delete", new { experiment_id = experimentId }), $"experiment/{experimentId}"));
        await Expect("experiment.restore", async () => Ok(await api.PostAsync("experiments/restore", new { experiment_id = experimentId }), $"experiment/{experimentId}"));
    }

    [SkippableTheory, Backends]
    public async Task a_rejected_mlflow_batch_appends_nothing(Backend backend)
    {
        var server = await ServerAsync(backend);
        var runId = await server.Api.CreateRunAsync();
        (await server.Api.PostAsync("runs/log-parameter", new { run_id = runId, key = "p", value = "1" })).Ok();
        var before = await TreeSizeAsync(server);
        var rejected = await server.Api.PostAsync("runs/log-batch", new { run_id = runId, metrics = new[] { new { key = "m", value = 1.0, timestamp = 1, step = 0 } }, @params = new[] { new { key = "p", value = "2" } } });
        rejected.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        (await server.Api.PostAsync("registered-models/create", new { name = "" })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Equal(before, await TreeSizeAsync(server));
        Assert.False((await server.Api.GetRunAsync(runId)).GetProperty("data").TryGetProperty("metrics", out _));
    }

    private static string Ok(ApiResponse response, string resource)
    {
        response.Ok();
        return resource;
    }

    private static async Task<long> TreeSizeAsync(TestServer server)
    {
        using var json = JsonDocument.Parse(await server.Http.GetStringAsync("/api/v1/audit/head"));
        return json.RootElement.GetProperty("treeSize").GetInt64();
    }
}
