using System.Net;
using System.Text;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Registry;

/// <summary>Model versions: creation and its source checks, stages, download URIs, files, deletion.</summary>
public sealed class ModelVersionsApiTests(ApiServers servers) : ApiTests(servers)
{
    private static async Task<(string Name, string RunId, string ArtifactUri)> ModelWithRunAsync(MlflowHttp api)
    {
        var name = $"mv-{Guid.NewGuid():N}"[..12];
        (await api.PostAsync("registered-models/create", new { name })).Ok();
        var runId = await api.CreateRunAsync();
        var artifactUri = (await api.GetRunAsync(runId)).GetProperty("info").GetProperty("artifact_uri").GetString()!;
        return (name, runId, artifactUri);
    }

    [SkippableTheory, Backends]
    public async Task versions_are_numbered_ready_and_start_in_stage_none(Backend backend)
    {
        var api = await ApiAsync(backend);
        var (name, runId, artifactUri) = await ModelWithRunAsync(api);
        var first = (await api.PostAsync("model-versions/create", new { name, source = $"{artifactUri}/model", run_id = runId, description = "d", tags = new[] { new { key = "k", value = "v" } } })).Ok().GetProperty("model_version");
        Assert.Equal("1", first.GetProperty("version").GetString());
        Assert.Equal("READY", first.GetProperty("status").GetString());
        Assert.Equal("None", first.GetProperty("current_stage").GetString());
        Assert.Equal(runId, first.GetProperty("run_id").GetString());
        Assert.Equal($"{artifactUri}/model", first.GetProperty("source").GetString());
        Assert.Equal("", first.GetProperty("run_link").GetString());
        var second = (await api.PostAsync("model-versions/create", new { name, source = $"{artifactUri}/model" })).Ok().GetProperty("model_version");
        Assert.Equal("2", second.GetProperty("version").GetString());
        Assert.False(second.TryGetProperty("run_id", out _));
    }

    [SkippableTheory, Backends]
    public async Task a_source_with_relative_segments_is_refused_also_when_encoded(Backend backend)
    {
        var api = await ApiAsync(backend);
        var (name, runId, artifactUri) = await ModelWithRunAsync(api);
        foreach (var source in new[] { $"{artifactUri}/../../other", $"{artifactUri}/%2e%2e/%2e%2e/other", "mlflow-artifacts:/1/..%2f..%2fsecret" })
        {
            var message = (await api.PostAsync("model-versions/create", new { name, source, run_id = runId })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
            Assert.StartsWith("Invalid model version source", message);
        }

        (await api.PostAsync("model-versions/create", new { name, source = "/tmp/model", run_id = runId })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        (await api.PostAsync("model-versions/create", new { name, source = "runs:/0123456789abcdef0123456789abcdef/model" })).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        Assert.Equal("{}", (await api.GetAsync($"model-versions/search?filter={Uri.EscapeDataString($"name='{name}'")}")).Body);
    }

    [SkippableTheory, Backends]
    public async Task transition_with_archive_existing_versions_archives_the_others(Backend backend)
    {
        var api = await ApiAsync(backend);
        var (name, runId, _) = await ModelWithRunAsync(api);
        for (var i = 0; i < 2; i++) (await api.PostAsync("model-versions/create", new { name, source = $"runs:/{runId}/model", run_id = runId })).Ok();
        (await api.PostAsync("model-versions/transition-stage", new { name, version = "1", stage = "production", archive_existing_versions = false })).Ok();
        var moved = (await api.PostAsync("model-versions/transition-stage", new { name, version = "2", stage = "Production", archive_existing_versions = true })).Ok().GetProperty("model_version");
        Assert.Equal("Production", moved.GetProperty("current_stage").GetString());
        Assert.Equal("Archived", (await api.GetAsync($"model-versions/get?name={name}&version=1")).Ok().GetProperty("model_version").GetProperty("current_stage").GetString());

        var latest = (await api.PostAsync("registered-models/get-latest-versions", new { name })).Ok().GetProperty("model_versions");
        Assert.Equal(["1", "2"], latest.EnumerateArray().Select(v => v.GetProperty("version").GetString()).Order());
        (await api.PostAsync("model-versions/transition-stage", new { name, version = "1", stage = "Nowhere", archive_existing_versions = false })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
    }

    [SkippableTheory, Backends]
    public async Task the_download_uri_of_a_runs_source_is_the_runs_artifact_location(Backend backend)
    {
        var api = await ApiAsync(backend);
        var (name, runId, artifactUri) = await ModelWithRunAsync(api);
        (await api.PostAsync("model-versions/create", new { name, source = $"runs:/{runId}/model", run_id = runId })).Ok();
        (await api.PostAsync("model-versions/create", new { name, source = $"{artifactUri}/other" })).Ok();
        Assert.Equal($"{artifactUri}/model", (await api.GetAsync($"model-versions/get-download-uri?name={name}&version=1")).Ok().GetProperty("artifact_uri").GetString());
        Assert.Equal($"{artifactUri}/other", (await api.GetAsync($"model-versions/get-download-uri?name={name}&version=2")).Ok().GetProperty("artifact_uri").GetString());
    }

    [SkippableTheory, Backends]
    public async Task a_version_file_downloads_through_model_versions_get_artifact(Backend backend)
    {
        var server = await ServerAsync(backend);
        var api = server.Api;
        var (name, runId, artifactUri) = await ModelWithRunAsync(api);
        var root = artifactUri["mlflow-artifacts:/".Length..];
        using (var put = await server.Http.PutAsync($"/api/2.0/mlflow-artifacts/artifacts/{root}/model/MLmodel", new StringContent("flavors: {}\n", Encoding.UTF8, "text/plain")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        (await api.PostAsync("model-versions/create", new { name, source = $"runs:/{runId}/model", run_id = runId })).Ok();
        using var response = await server.Http.GetAsync($"/model-versions/get-artifact?name={name}&version=1&path=MLmodel");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("flavors: {}\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableTheory, Backends]
    public async Task versions_are_updated_tagged_searched_and_deleted(Backend backend)
    {
        var api = await ApiAsync(backend);
        var (name, runId, _) = await ModelWithRunAsync(api);
        for (var i = 0; i < 2; i++) (await api.PostAsync("model-versions/create", new { name, source = $"runs:/{runId}/model", run_id = runId })).Ok();
        Assert.Equal("new", (await api.PatchAsync("model-versions/update", new { name, version = "1", description = "new" })).Ok().GetProperty("model_version").GetProperty("description").GetString());
        (await api.PostAsync("model-versions/set-tag", new { name, version = "1", key = "ok", value = "yes" })).Ok();
        (await api.DeleteAsync("model-versions/delete-tag", new { name, version = "1", key = "ok" })).Ok();
        Assert.False((await api.GetAsync($"model-versions/get?name={name}&version=1")).Ok().GetProperty("model_version").TryGetProperty("tags", out _));

        var byRun = (await api.GetAsync($"model-versions/search?filter={Uri.EscapeDataString($"run_id='{runId}'")}&max_results=10000")).Ok().GetProperty("model_versions");
        Assert.Equal(2, byRun.GetArrayLength());

        (await api.DeleteAsync("model-versions/delete", new { name, version = "1" })).Ok();
        var gone = await api.GetAsync($"model-versions/get?name={name}&version=1");
        Assert.Equal($"Model Version (name={name}, version=1) not found", gone.Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST"));
    }
}
