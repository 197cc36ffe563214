using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Steward.Artifacts;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Server.Mlflow.Protocol;

namespace Steward.Server.Mlflow;

/// <summary>
/// MLflow's artifact proxy (<c>mlflow-artifacts:</c> URIs): clients upload, list, download and
/// delete artifacts by paths relative to the artifact store's root, e.g.
/// <c>3/&lt;run_id&gt;/artifacts/model/MLmodel</c>.
/// </summary>
internal static class ArtifactProxy
{
    private const string ArtifactsSegment = "/mlflow-artifacts/artifacts/";

    public static void Map(MlflowRoutes routes)
    {
        var prefixes = MlflowRoutes.ArtifactPrefixes;
        routes.Map(prefixes, HttpMethods.Get, "/artifacts", ListAsync);
        routes.Map(prefixes, HttpMethods.Get, "/artifacts/{**path}", DownloadAsync, EndpointOptions.Raw);
        routes.Map(prefixes, HttpMethods.Put, "/artifacts/{**path}", UploadAsync, EndpointOptions.Upload.Writing(Permission.WriteTracking, AuditActions.ArtifactUpload));
        routes.Map(prefixes, HttpMethods.Delete, "/artifacts/{**path}", DeleteAsync, EndpointOptions.Raw.Writing(Permission.WriteTracking, AuditActions.ArtifactDelete));
        foreach (var step in new[] { "create", "complete", "abort" })
        {
            routes.Map(prefixes, HttpMethods.Post, $"/mpu/{step}/{{**path}}", MultipartAsync, EndpointOptions.Raw.Writing(Permission.WriteTracking, AuditActions.ArtifactUpload));
        }
    }

    /// <summary>The direct children of <c>path</c> (the root when absent), named by basename; <c>{}</c> when there are none.</summary>
    private static async Task ListAsync(MlflowCall call)
    {
        var path = ArtifactFiles.Clean(call.Request.String("path"));
        var files = await call.ArtifactStore.ListAsync(path, call.Aborted);
        await call.OkAsync(files, static (w, files) => MlflowJson.WriteFiles(w, files));
    }

    private static async Task DownloadAsync(MlflowCall call)
    {
        var path = RequestedPath(call);
        var content = await call.Artifacts.OpenStoredAsync(path, call.Aborted)
            ?? throw StewardException.NotFound($"No artifact at '{path}'");
        await ArtifactFiles.SendAsync(call.Http, content, path);
    }

    /// <summary>Streams the request body into the store: uploads are never held in memory whole.</summary>
    private static async Task UploadAsync(MlflowCall call)
    {
        var path = RequestedPath(call);
        await call.Artifacts.WriteStoredAsync(path, call.Http.Request.Body, call.Aborted);
        await call.OkAsync();
    }

    private static async Task DeleteAsync(MlflowCall call)
    {
        await call.Artifacts.DeleteStoredAsync(RequestedPath(call), call.Aborted);
        await call.OkAsync();
    }

    /// <summary>Multipart uploads exist for cloud stores; Steward's local store takes one streamed PUT of any size.</summary>
    private static Task MultipartAsync(MlflowCall call)
    {
        RequestedPath(call);
        throw new StewardException(ErrorCode.NotImplemented, "Multipart upload is not supported for the current artifact repository");
    }

    /// <summary>
    /// The artifact path as the client sent it. Kestrel removes <c>.</c> and <c>..</c> segments
    /// (also percent-encoded ones) before routing, which would quietly turn <c>a/../b</c> into
    /// <c>b</c>; MLflow refuses such paths, so they are checked on the raw request target.
    /// </summary>
    private static string RequestedPath(MlflowCall call)
    {
        var raw = call.Http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) raw = raw[..query];
        var at = raw.IndexOf(ArtifactsSegment, StringComparison.OrdinalIgnoreCase);
        var requested = at >= 0
            ? Uri.UnescapeDataString(raw[(at + ArtifactsSegment.Length)..])
            : call.RouteValue("path") ?? "";
        var path = ArtifactFiles.Clean(requested);
        if (path.Length == 0) throw StewardException.Invalid("Invalid path: an artifact path is required");
        return path;
    }
}
