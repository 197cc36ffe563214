using Steward.Artifacts;
using Steward.Errors;
using Steward.Server.Mlflow.Protocol;
using Steward.Server.Mlflow.Registry;

namespace Steward.Server.Mlflow;

/// <summary>
/// Artifacts addressed through a run or a model version: the run-relative listing and the
/// UI's download routes (<c>/get-artifact</c>, <c>/model-versions/get-artifact</c>).
/// </summary>
internal static class Artifacts
{
    /// <summary>The UI's download routes live at the server root, outside the API prefixes.</summary>
    private static readonly string[] RootPrefix = [""];

    public static void Map(MlflowRoutes routes)
    {
        routes.Get("/artifacts/list", ListAsync);
        routes.Map(RootPrefix, "GET", "/get-artifact", GetRunArtifactAsync);
        routes.Map(RootPrefix, "GET", "/model-versions/get-artifact", GetModelVersionArtifactAsync);
    }

    /// <summary>Lists a run's artifacts with paths relative to the run's root (<c>dir/hello.txt</c>), and the run's <c>root_uri</c>.</summary>
    private static async Task ListAsync(MlflowCall call)
    {
        var r = call.Request;
        var runId = r.RunId();
        var path = ArtifactFiles.Clean(r.String("path"));
        var run = await call.Tracking.GetRunAsync(runId, call.Aborted);
        var files = await call.Artifacts.ListAsync(run.Info.RunId, path, call.Aborted);
        await call.OkAsync((files, run.Info.ArtifactUri), static (w, state) => MlflowJson.WriteFiles(w, state.files, state.ArtifactUri));
    }

    private static async Task GetRunArtifactAsync(MlflowCall call)
    {
        var r = call.Request;
        var path = ArtifactFiles.Clean(Validation.Required(r.String("path"), "path"));
        var content = await call.Artifacts.OpenReadAsync(r.RunId(), path, call.Aborted);
        await ArtifactFiles.SendAsync(call.Http, content, path);
    }

    private static async Task GetModelVersionArtifactAsync(MlflowCall call)
    {
        var r = call.Request;
        var path = ArtifactFiles.Clean(Validation.Required(r.String("path"), "path"));
        var version = await call.Registry.GetModelVersionAsync(r.String("name"), r.String("version"), call.Aborted);
        var uri = await ModelSources.ResolveAsync(call, version.Source);
        var root = ArtifactPath.ProxyRoot(uri)
            ?? throw new StewardException(ErrorCode.NotImplemented, $"Model version {version.Name}/{version.Version} keeps its files at '{uri}', which Steward does not serve.");
        var content = await call.Artifacts.OpenStoredAsync(ArtifactPath.Combine(root, path), call.Aborted)
            ?? throw StewardException.NotFound($"No artifact '{path}' in model version {version.Name}/{version.Version}");
        await ArtifactFiles.SendAsync(call.Http, content, path);
    }
}
