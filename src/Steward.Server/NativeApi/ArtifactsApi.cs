using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Steward.Artifacts;
using Steward.Audit;
using Steward.Contracts;
using Steward.Identity;
using Steward.Server.Hosting;

namespace Steward.Server.NativeApi;

/// <summary>
/// <c>/api/v1/runs/{id}/artifacts</c>: list a folder, download or upload one file, streamed.
/// Paths are relative to the run's artifact root; <see cref="ArtifactPath"/> refuses any that
/// would leave it.
/// </summary>
internal static class ArtifactsApi
{
    public static void MapArtifactsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/runs/{id}/artifacts", ListAsync);
        api.MapGet("/runs/{id}/artifacts/{**path}", DownloadAsync);
        api.MapPut("/runs/{id}/artifacts/{**path}", UploadAsync).AcceptsStreamedBody().Requires(Permission.WriteTracking, AuditActions.ArtifactUpload);
    }

    private static async Task<JsonHttpResult<Page<ArtifactFileDto>>> ListAsync(
        ArtifactService artifacts, string id, [FromQuery] string? path, CancellationToken cancellationToken)
    {
        var files = await artifacts.ListAsync(id, path, cancellationToken);
        return ApiResults.Ok(new Page<ArtifactFileDto>(files.Select(f => f.ToDto()).ToList(), null), NativeJsonContext.Default.PageArtifactFile);
    }

    private static async Task<FileStreamHttpResult> DownloadAsync(ArtifactService artifacts, string id, string? path, CancellationToken cancellationToken)
    {
        var relative = Requests.RouteValue(path ?? "");
        var stream = await artifacts.OpenReadAsync(id, relative, cancellationToken);
        return TypedResults.Stream(stream, "application/octet-stream", fileDownloadName: relative.Split('/')[^1]);
    }

    private static async Task<NoContent> UploadAsync(ArtifactService artifacts, string id, string? path, HttpRequest request, CancellationToken cancellationToken)
    {
        await artifacts.WriteAsync(id, Requests.RouteValue(path ?? ""), request.Body, cancellationToken);
        return TypedResults.NoContent();
    }
}
