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

/// <summary><c>/api/v1/experiments</c>: create, search, read, rename, delete/restore, tags.</summary>
internal static class ExperimentsApi
{
    private static NativeJsonContext Json => NativeJsonContext.Default;

    public static void MapExperimentsApi(this RouteGroupBuilder api)
    {
        var experiments = api.MapGroup("/experiments");
        experiments.MapGet("", SearchAsync);
        experiments.MapPost("", CreateAsync).Requires(Permission.WriteTracking, AuditActions.ExperimentCreate);
        experiments.MapGet("/by-name/{**name}", GetByNameAsync);
        experiments.MapGet("/{id}", GetAsync);
        experiments.MapPatch("/{id}", UpdateAsync).Requires(Permission.WriteTracking, AuditActions.ExperimentRename);
        experiments.MapDelete("/{id}", DeleteAsync).Requires(Permission.WriteTracking, AuditActions.ExperimentDelete);
        experiments.MapPost("/{id}/restore", RestoreAsync).Requires(Permission.WriteTracking, AuditActions.ExperimentRestore);
        experiments.MapPut("/{id}/tags/{key}", SetTagAsync).Requires(Permission.WriteTracking, AuditActions.ExperimentSetTag);
        experiments.MapDelete("/{id}/tags/{key}", DeleteTagAsync).Requires(Permission.WriteTracking, AuditActions.ExperimentDeleteTag);
        experiments.MapPut("/{id}/domain", SetDomainAsync).Requires(Permission.AssignDomain, AuditActions.ExperimentSetDomain);
    }

    private static async Task<JsonHttpResult<Page<ExperimentDto>>> SearchAsync(
        TrackingService tracking,
        [FromQuery] string? filter,
        [FromQuery] string[]? orderBy,
        [FromQuery] string? view,
        [FromQuery] string? maxResults,
        [FromQuery] string? pageToken,
        CancellationToken cancellationToken)
    {
        var page = await tracking.SearchExperimentsAsync(
            filter, orderBy, Mapping.ParseView(view), Requests.Long(maxResults, "maxResults"), pageToken, cancellationToken);
        return ApiResults.Ok(new Page<ExperimentDto>(page.Items.Select(e => e.ToDto()).ToList(), page.NextPageToken), Json.PageExperiment);
    }

    private static async Task<CreatedJson<ExperimentDto>> CreateAsync(TrackingService tracking, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.CreateExperimentRequest, cancellationToken);
        var id = await tracking.CreateExperimentAsync(body.Name, body.ArtifactLocation, Mapping.ToTags(body.Tags), body.Domain, cancellationToken);
        var experiment = await tracking.GetExperimentAsync(id, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/experiments/{id}", experiment.ToDto(), Json.Experiment);
    }

    private static async Task<JsonHttpResult<ExperimentDto>> GetAsync(TrackingService tracking, string id, CancellationToken cancellationToken) =>
        ApiResults.Ok((await tracking.GetExperimentAsync(id, cancellationToken)).ToDto(), Json.Experiment);

    private static async Task<JsonHttpResult<ExperimentDto>> GetByNameAsync(TrackingService tracking, string name, CancellationToken cancellationToken) =>
        ApiResults.Ok((await tracking.GetExperimentByNameAsync(Requests.RouteValue(name), cancellationToken)).ToDto(), Json.Experiment);

    private static async Task<JsonHttpResult<ExperimentDto>> UpdateAsync(TrackingService tracking, string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.UpdateExperimentRequest, cancellationToken);
        await tracking.RenameExperimentAsync(id, Requests.Required(body.Name, "name"), cancellationToken);
        return await GetAsync(tracking, id, cancellationToken);
    }

    private static async Task<NoContent> DeleteAsync(TrackingService tracking, string id, CancellationToken cancellationToken)
    {
        await tracking.DeleteExperimentAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RestoreAsync(TrackingService tracking, string id, CancellationToken cancellationToken)
    {
        await tracking.RestoreExperimentAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetTagAsync(TrackingService tracking, string id, string key, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SetTagRequest, cancellationToken);
        await tracking.SetExperimentTagAsync(id, Requests.RouteValue(key), Requests.Required(body.Value, "value"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteTagAsync(TrackingService tracking, string id, string key, CancellationToken cancellationToken)
    {
        await tracking.DeleteExperimentTagAsync(id, Requests.RouteValue(key), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Moves the experiment, with its runs, to another domain (an admin's action).</summary>
    private static async Task<JsonHttpResult<ExperimentDto>> SetDomainAsync(TrackingService tracking, string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SetDomainRequest, cancellationToken);
        await tracking.SetExperimentDomainAsync(id, Requests.Required(body.Domain, "domain"), cancellationToken);
        return await GetAsync(tracking, id, cancellationToken);
    }
}
