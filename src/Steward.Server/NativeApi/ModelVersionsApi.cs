using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Steward.Audit;
using Steward.Contracts;
using Steward.Identity;
using Steward.Registry;

namespace Steward.Server.NativeApi;

/// <summary>
/// <c>/api/v1/models/{name}/versions</c> and <c>/api/v1/model-versions/search</c>: versions,
/// their tags and stage transitions (which pass the registry's gate).
/// </summary>
internal static class ModelVersionsApi
{
    private static NativeJsonContext Json => NativeJsonContext.Default;

    public static void MapModelVersionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/model-versions/search", SearchAsync);
        var versions = api.MapGroup("/models/{name}");
        versions.MapGet("/versions", ListForModelAsync);
        versions.MapPost("/versions", CreateAsync).Requires(Permission.WriteRegistry, AuditActions.ModelVersionCreate);
        versions.MapGet("/latest-versions", LatestAsync);
        versions.MapGet("/versions/{version}", GetAsync);
        versions.MapPatch("/versions/{version}", UpdateAsync).Requires(Permission.WriteRegistry, AuditActions.ModelVersionUpdate, WritePermissions.Version);
        versions.MapDelete("/versions/{version}", DeleteAsync).Requires(Permission.WriteRegistry, AuditActions.ModelVersionDelete, WritePermissions.Version);
        versions.MapPost("/versions/{version}/stage", TransitionStageAsync).Requires(Permission.ChangeStage, AuditActions.ModelVersionTransitionStage, WritePermissions.Version);
        versions.MapPut("/versions/{version}/tags/{key}", SetTagAsync).Requires(Permission.WriteRegistry, AuditActions.ModelVersionSetTag, WritePermissions.Version);
        versions.MapDelete("/versions/{version}/tags/{key}", DeleteTagAsync).Requires(Permission.WriteRegistry, AuditActions.ModelVersionDeleteTag, WritePermissions.Version);
        versions.MapGet("/versions/{version}/authors", AuthorsAsync);
    }

    private static async Task<JsonHttpResult<Page<ModelVersionDto>>> SearchAsync(
        RegistryService registry,
        [FromQuery] string? filter,
        [FromQuery] string[]? orderBy,
        [FromQuery] string? maxResults,
        [FromQuery] string? pageToken,
        CancellationToken cancellationToken)
    {
        var page = await registry.SearchModelVersionsAsync(filter, orderBy, Requests.Long(maxResults, "maxResults"), pageToken, cancellationToken);
        return ApiResults.Ok(new Page<ModelVersionDto>(page.Items.Select(v => v.ToDto()).ToList(), page.NextPageToken), Json.PageModelVersion);
    }

    /// <summary>The versions of one model, newest first unless <c>orderBy</c> says otherwise.</summary>
    private static async Task<JsonHttpResult<Page<ModelVersionDto>>> ListForModelAsync(
        RegistryService registry,
        string name,
        [FromQuery] string[]? orderBy,
        [FromQuery] string? maxResults,
        [FromQuery] string? pageToken,
        CancellationToken cancellationToken)
    {
        var model = await registry.GetRegisteredModelAsync(Requests.RouteValue(name), cancellationToken);
        var filter = $"name = '{model.Name.Replace("'", "''", StringComparison.Ordinal)}'";
        var order = orderBy is { Length: > 0 } ? orderBy : ["version_number DESC"];
        return await SearchAsync(registry, filter, order, maxResults, pageToken, cancellationToken);
    }

    private static async Task<CreatedJson<ModelVersionDto>> CreateAsync(RegistryService registry, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.CreateModelVersionRequest, cancellationToken);
        var version = await registry.CreateModelVersionAsync(
            Requests.RouteValue(name), body.Source, body.RunId, Mapping.ToTags(body.Tags), body.RunLink, body.Description, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/models/{Uri.EscapeDataString(version.Name)}/versions/{version.Version}", version.ToDto(), Json.ModelVersion);
    }

    /// <summary>Who authored the version (separation of duties); derived in part from the ledger, so it needs the read-ledger permission.</summary>
    private static async Task<JsonHttpResult<VersionAuthorsDto>> AuthorsAsync(
        IAuthorshipQuery authorship, AccessControl access, string name, string version, CancellationToken cancellationToken)
    {
        var modelName = Requests.RouteValue(name);
        var number = RegistryService.ParseVersion(version);
        await access.DemandAsync(Permission.ReadLedger, "model_version.read_authors", AuditResources.ModelVersion(modelName, number), cancellationToken);
        return ApiResults.Ok((await authorship.GetVersionAuthorsAsync(modelName, number, cancellationToken)).ToDto(), Json.VersionAuthors);
    }

    private static async Task<JsonHttpResult<Page<ModelVersionDto>>> LatestAsync(
        RegistryService registry, string name, [FromQuery] string[]? stage, CancellationToken cancellationToken)
    {
        var latest = await registry.GetLatestVersionsAsync(Requests.RouteValue(name), stage, cancellationToken);
        return ApiResults.Ok(new Page<ModelVersionDto>(latest.Select(v => v.ToDto()).ToList(), null), Json.PageModelVersion);
    }

    private static async Task<JsonHttpResult<ModelVersionDto>> GetAsync(RegistryService registry, string name, string version, CancellationToken cancellationToken) =>
        ApiResults.Ok((await registry.GetModelVersionAsync(Requests.RouteValue(name), version, cancellationToken)).ToDto(), Json.ModelVersion);

    private static async Task<JsonHttpResult<ModelVersionDto>> UpdateAsync(RegistryService registry, string name, string version, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.UpdateDescriptionRequest, cancellationToken);
        var updated = await registry.UpdateModelVersionAsync(Requests.RouteValue(name), version, Requests.Required(body.Description, "description"), cancellationToken);
        return ApiResults.Ok(updated.ToDto(), Json.ModelVersion);
    }

    private static async Task<NoContent> DeleteAsync(RegistryService registry, string name, string version, CancellationToken cancellationToken)
    {
        await registry.DeleteModelVersionAsync(Requests.RouteValue(name), version, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Moves a version to a stage through <see cref="RegistryService.ApplyAsync"/>, so the gate sees it.</summary>
    private static async Task<JsonHttpResult<ModelVersionDto>> TransitionStageAsync(RegistryService registry, string name, string version, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.TransitionStageRequest, cancellationToken);
        var change = new StageTransition(
            Requests.RouteValue(name),
            RegistryService.ParseVersion(version),
            ModelStages.Parse(Requests.Required(body.Stage, "stage")),
            body.ArchiveExistingVersions ?? false);
        return ApiResults.Ok((await registry.ApplyAsync(change, cancellationToken)).ToDto(), Json.ModelVersion);
    }

    private static async Task<NoContent> SetTagAsync(RegistryService registry, string name, string version, string key, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SetTagRequest, cancellationToken);
        await registry.SetModelVersionTagAsync(Requests.RouteValue(name), version, Requests.RouteValue(key), Requests.Required(body.Value, "value"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteTagAsync(RegistryService registry, string name, string version, string key, CancellationToken cancellationToken)
    {
        await registry.DeleteModelVersionTagAsync(Requests.RouteValue(name), version, Requests.RouteValue(key), cancellationToken);
        return TypedResults.NoContent();
    }
}
