using System.Net;
using System.Net.Http.Headers;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.LoggedModels;

/// <summary>MLflow 3's logged models: what <c>log_model</c> does, end to end.</summary>
public sealed class LoggedModelsApiTests(ApiServers servers) : ApiTests(servers)
{
    [SkippableTheory, Backends]
    public async Task a_logged_model_is_created_uploaded_finalized_found_and_deleted(Backend backend)
    {
        var server = await ServerAsync(backend);
        var api = server.Api;
        var experimentId = await api.CreateExperimentAsync();
        var runId = await api.CreateRunAsync(experimentId);

        var created = (await api.PostAsync("logged-models", new
        {
            experiment_id = experimentId,
            name = "clf",
            model_type = "classifier",
            source_run_id = runId,
            @params = new[] { new { key = "alpha", value = "0.5" } },
            tags = new[] { new { key = "mlflow.source.type", value = "LOCAL" } },
        })).Ok().GetProperty("model");
        var info = created.GetProperty("info");
        var modelId = info.GetProperty("model_id").GetString()!;
        Assert.Equal("LOGGED_MODEL_PENDING", info.GetProperty("status").GetString());
        Assert.Equal(runId, info.GetProperty("source_run_id").GetString());
        Assert.Equal("0.5", created.GetProperty("data").GetProperty("params")[0].GetProperty("value").GetString());
        var artifactUri = info.GetProperty("artifact_uri").GetString()!;
        Assert.StartsWith($"mlflow-artifacts:/{experimentId}/", artifactUri);

        using (var body = new ByteArrayContent("flavors: {}\n"u8.ToArray()))
        {
            body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
            using var put = await server.Http.PutAsync($"/api/2.0/mlflow-artifacts/artifacts/{artifactUri["mlflow-artifacts:/".Length..]}/MLmodel", body);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var files = (await api.GetAsync($"logged-models/{modelId}/artifacts/directories")).Ok();
        Assert.Equal(artifactUri, files.GetProperty("root_uri").GetString());
        Assert.Equal("MLmodel", Assert.Single(files.GetProperty("files").EnumerateArray()).GetProperty("path").GetString());

        var ready = (await api.PatchAsync($"logged-models/{modelId}", new { model_id = modelId, status = "LOGGED_MODEL_READY" })).Ok();
        Assert.Equal("LOGGED_MODEL_READY", ready.GetProperty("model").GetProperty("info").GetProperty("status").GetString());

        var found = (await api.PostAsync("logged-models/search", new { experiment_ids = new[] { experimentId } })).Ok().GetProperty("models");
        Assert.Equal(modelId, Assert.Single(found.EnumerateArray()).GetProperty("info").GetProperty("model_id").GetString());

        (await api.DeleteAsync($"logged-models/{modelId}")).Ok();
        (await api.GetAsync($"logged-models/{modelId}")).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [SkippableTheory, Backends]
    public async Task logged_model_tags_and_params_are_added_and_tags_removed(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var modelId = (await api.PostAsync("logged-models", new { experiment_id = experimentId })).Ok().GetProperty("model").GetProperty("info").GetProperty("model_id").GetString()!;

        var tagged = (await api.PatchAsync($"logged-models/{modelId}/tags", new { tags = new[] { new { key = "stage", value = "dev" } } })).Ok();
        Assert.Equal("dev", tagged.GetProperty("model").GetProperty("info").GetProperty("tags")[0].GetProperty("value").GetString());
        (await api.PostAsync($"logged-models/{modelId}/params", new { model_id = modelId, @params = new[] { new { key = "depth", value = "3" } } })).Ok();
        (await api.DeleteAsync($"logged-models/{modelId}/tags/stage")).Ok();

        var model = (await api.GetAsync($"logged-models/{modelId}")).Ok().GetProperty("model");
        Assert.False(model.GetProperty("info").TryGetProperty("tags", out _));
        Assert.Equal("depth", model.GetProperty("data").GetProperty("params")[0].GetProperty("key").GetString());
    }

    [SkippableTheory, Backends]
    public async Task finalizing_without_a_final_status_is_refused(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var modelId = (await api.PostAsync("logged-models", new { experiment_id = experimentId })).Ok().GetProperty("model").GetProperty("info").GetProperty("model_id").GetString()!;
        (await api.PatchAsync($"logged-models/{modelId}", new { })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        (await api.PatchAsync($"logged-models/{modelId}", new { status = 1 })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Equal("LOGGED_MODEL_UPLOAD_FAILED", (await api.PatchAsync($"logged-models/{modelId}", new { status = 3 })).Ok().GetProperty("model").GetProperty("info").GetProperty("status").GetString());
    }

    [SkippableTheory, Backends]
    public async Task a_version_registered_from_a_logged_model_downloads_from_the_models_files(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experimentId = await api.CreateExperimentAsync();
        var info = (await api.PostAsync("logged-models", new { experiment_id = experimentId })).Ok().GetProperty("model").GetProperty("info");
        var modelId = info.GetProperty("model_id").GetString();
        var name = Unique("from-logged");
        (await api.PostAsync("registered-models/create", new { name })).Ok();
        (await api.PostAsync("model-versions/create", new { name, source = $"models:/{modelId}", model_id = modelId })).Ok();
        var uri = (await api.GetAsync($"model-versions/get-download-uri?name={name}&version=1")).Ok().GetProperty("artifact_uri").GetString();
        Assert.Equal(info.GetProperty("artifact_uri").GetString(), uri);
    }
}
