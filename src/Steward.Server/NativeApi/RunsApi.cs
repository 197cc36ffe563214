using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Steward.Audit;
using Steward.Contracts;
using Steward.Identity;
using Steward.Tracking;

namespace Steward.Server.NativeApi;

/// <summary><c>/api/v1/runs</c>: create, search, find by id prefix, read, update, delete/restore, batch logging, tags, inputs.</summary>
internal static class RunsApi
{
    private static NativeJsonContext Json => NativeJsonContext.Default;

    public static void MapRunsApi(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs");
        runs.MapPost("", CreateAsync).Requires(Permission.WriteTracking, AuditActions.RunCreate);
        runs.MapGet("", FindByPrefixAsync);
        runs.MapPost("/search", SearchAsync);
        runs.MapGet("/{id}", GetAsync);
        runs.MapPatch("/{id}", UpdateAsync).Requires(Permission.WriteTracking, AuditActions.RunUpdate);
        runs.MapDelete("/{id}", DeleteAsync).Requires(Permission.WriteTracking, AuditActions.RunDelete);
        runs.MapPost("/{id}/restore", RestoreAsync).Requires(Permission.WriteTracking, AuditActions.RunRestore);
        runs.MapPost("/{id}/batch", LogBatchAsync).Requires(Permission.WriteTracking, AuditActions.RunLogBatch);
        runs.MapPut("/{id}/tags/{key}", SetTagAsync).Requires(Permission.WriteTracking, AuditActions.RunSetTag);
        runs.MapDelete("/{id}/tags/{key}", DeleteTagAsync).Requires(Permission.WriteTracking, AuditActions.RunDeleteTag);
        runs.MapPost("/{id}/inputs", LogInputsAsync).Requires(Permission.WriteTracking, AuditActions.RunLogInputs);
    }

    private static async Task<CreatedJson<RunDto>> CreateAsync(TrackingService tracking, TimeProvider clock, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.CreateRunRequest, cancellationToken);
        // A run without a start time started now (MLflow clients always send one; curl users may not).
        var startTime = body.StartTime ?? clock.GetUtcNow().ToUnixTimeMilliseconds();
        var run = await tracking.CreateRunAsync(body.ExperimentId, body.RunName, startTime, Mapping.ToTags(body.Tags), cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/runs/{run.Info.RunId}", run.ToDto(), Json.Run);
    }

    private static async Task<JsonHttpResult<Page<RunDto>>> SearchAsync(TrackingService tracking, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SearchRunsRequest, cancellationToken);
        var page = await tracking.SearchRunsAsync(
            body.ExperimentIds, body.Filter, body.OrderBy, Mapping.ParseView(body.View), body.MaxResults, body.PageToken, cancellationToken);
        return ApiResults.Ok(new Page<RunDto>(page.Items.Select(r => r.ToDto()).ToList(), page.NextPageToken), Json.PageRun);
    }

    /// <summary>The ids starting with <c>idPrefix</c>, for clients that let people type the first characters of an id.</summary>
    private static async Task<JsonHttpResult<RunIdMatches>> FindByPrefixAsync(
        TrackingService tracking, [FromQuery] string? idPrefix, [FromQuery] string? maxResults, CancellationToken cancellationToken)
    {
        var ids = await tracking.FindRunIdsAsync(idPrefix, Requests.Long(maxResults, "maxResults"), cancellationToken);
        return ApiResults.Ok(new RunIdMatches(ids), Json.RunIdMatches);
    }

    private static async Task<JsonHttpResult<RunDto>> GetAsync(TrackingService tracking, string id, CancellationToken cancellationToken) =>
        ApiResults.Ok((await tracking.GetRunAsync(id, cancellationToken)).ToDto(), Json.Run);

    private static async Task<JsonHttpResult<RunDto>> UpdateAsync(TrackingService tracking, string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.UpdateRunRequest, cancellationToken);
        await tracking.UpdateRunAsync(id, Mapping.ParseRunStatus(body.Status), body.EndTime, body.RunName, cancellationToken);
        return await GetAsync(tracking, id, cancellationToken);
    }

    private static async Task<NoContent> DeleteAsync(TrackingService tracking, string id, CancellationToken cancellationToken)
    {
        await tracking.DeleteRunAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RestoreAsync(TrackingService tracking, string id, CancellationToken cancellationToken)
    {
        await tracking.RestoreRunAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogBatchAsync(TrackingService tracking, TimeProvider clock, string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.LogBatchRequest, cancellationToken);
        await tracking.LogBatchAsync(id, body.ToBatch(clock.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetTagAsync(TrackingService tracking, string id, string key, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SetTagRequest, cancellationToken);
        await tracking.SetTagAsync(id, Requests.RouteValue(key), Requests.Required(body.Value, "value"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteTagAsync(TrackingService tracking, string id, string key, CancellationToken cancellationToken)
    {
        await tracking.DeleteTagAsync(id, Requests.RouteValue(key), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogInputsAsync(TrackingService tracking, string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.LogInputsRequest, cancellationToken);
        await tracking.LogInputsAsync(id, body.ToInputs(), cancellationToken);
        return TypedResults.NoContent();
    }
}
