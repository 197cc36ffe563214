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

/// <summary><c>/api/v1/models</c>: registered models, their tags and their aliases.</summary>
internal static class RegisteredModelsApi
{
    private static NativeJsonContext Json => NativeJsonContext.Default;

    public static void MapRegisteredModelsApi(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models");
        models.MapGet("", SearchAsync);
        models.MapPost("", CreateAsync).Requires(Permission.WriteRegistry, AuditActions.RegisteredModelCreate);
        models.MapGet("/{name}", GetAsync);
        models.MapPatch("/{name}", UpdateAsync).Requires(Permission.WriteRegistry, AuditActions.RegisteredModelUpdate);
        models.MapDelete("/{name}", DeleteAsync).Requires(Permission.WriteRegistry, AuditActions.RegisteredModelDelete);
        models.MapPost("/{name}/rename", RenameAsync).Requires(Permission.WriteRegistry, AuditActions.RegisteredModelRename);
        models.MapPut("/{name}/tags/{key}", SetTagAsync).Requires(Permission.WriteRegistry, AuditActions.RegisteredModelSetTag);
        models.MapDelete("/{name}/tags/{key}", DeleteTagAsync).Requires(Permission.WriteRegistry, AuditActions.RegisteredModelDeleteTag);
        models.MapGet("/{name}/aliases/{alias}", GetByAliasAsync);
        models.MapPut("/{name}/aliases/{alias}", SetAliasAsync).Requires(Permission.ChangeStage, AuditActions.RegisteredModelSetAlias);
        models.MapDelete("/{name}/aliases/{alias}", DeleteAliasAsync).Requires(Permission.ChangeStage, AuditActions.RegisteredModelDeleteAlias);
        models.MapPut("/{name}/domain", SetDomainAsync).Requires(Permission.AssignDomain, AuditActions.RegisteredModelSetDomain);
    }

    private static async Task<JsonHttpResult<Page<RegisteredModelDto>>> SearchAsync(
        RegistryService registry,
        [FromQuery] string? filter,
        [FromQuery] string[]? orderBy,
        [FromQuery] string? maxResults,
        [FromQuery] string? pageToken,
        CancellationToken cancellationToken)
    {
        var page = await registry.SearchRegisteredModelsAsync(filter, orderBy, Requests.Long(maxResults, "maxResults"), pageToken, cancellationToken);
        return ApiResults.Ok(new Page<RegisteredModelDto>(page.Items.Select(m => m.ToDto()).ToList(), page.NextPageToken), Json.PageRegisteredModel);
    }

    private static async Task<CreatedJson<RegisteredModelDto>> CreateAsync(RegistryService registry, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.CreateModelRequest, cancellationToken);
        var model = await registry.CreateRegisteredModelAsync(body.Name, body.Description, Mapping.ToTags(body.Tags), body.Domain, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/models/{Uri.EscapeDataString(model.Name)}", model.ToDto(), Json.RegisteredModel);
    }

    private static async Task<JsonHttpResult<RegisteredModelDto>> GetAsync(RegistryService registry, string name, CancellationToken cancellationToken) =>
        ApiResults.Ok((await registry.GetRegisteredModelAsync(Requests.RouteValue(name), cancellationToken)).ToDto(), Json.RegisteredModel);

    private static async Task<JsonHttpResult<RegisteredModelDto>> UpdateAsync(RegistryService registry, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.UpdateDescriptionRequest, cancellationToken);
        var model = await registry.UpdateRegisteredModelAsync(Requests.RouteValue(name), Requests.Required(body.Description, "description"), cancellationToken);
        return ApiResults.Ok(model.ToDto(), Json.RegisteredModel);
    }

    private static async Task<NoContent> DeleteAsync(RegistryService registry, string name, CancellationToken cancellationToken)
    {
        await registry.DeleteRegisteredModelAsync(Requests.RouteValue(name), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<JsonHttpResult<RegisteredModelDto>> RenameAsync(RegistryService registry, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.RenameModelRequest, cancellationToken);
        var model = await registry.RenameRegisteredModelAsync(Requests.RouteValue(name), Requests.Required(body.NewName, "newName"), cancellationToken);
        return ApiResults.Ok(model.ToDto(), Json.RegisteredModel);
    }

    private static async Task<NoContent> SetTagAsync(RegistryService registry, string name, string key, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SetTagRequest, cancellationToken);
        await registry.SetRegisteredModelTagAsync(Requests.RouteValue(name), Requests.RouteValue(key), Requests.Required(body.Value, "value"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteTagAsync(RegistryService registry, string name, string key, CancellationToken cancellationToken)
    {
        await registry.DeleteRegisteredModelTagAsync(Requests.RouteValue(name), Requests.RouteValue(key), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<JsonHttpResult<ModelVersionDto>> GetByAliasAsync(RegistryService registry, string name, string alias, CancellationToken cancellationToken) =>
        ApiResults.Ok((await registry.GetModelVersionByAliasAsync(Requests.RouteValue(name), alias, cancellationToken)).ToDto(), Json.ModelVersion);

    /// <summary>Points an alias at a version; like every alias change it passes the registry's gate.</summary>
    private static async Task<JsonHttpResult<ModelVersionDto>> SetAliasAsync(RegistryService registry, string name, string alias, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SetAliasRequest, cancellationToken);
        var version = await registry.ApplyAsync(new AliasAssignment(Requests.RouteValue(name), alias, Requests.Required(body.Version, "version")), cancellationToken);
        return ApiResults.Ok(version.ToDto(), Json.ModelVersion);
    }

    /// <summary>Moves the model, with its versions, to another domain (an admin's action).</summary>
    private static async Task<JsonHttpResult<RegisteredModelDto>> SetDomainAsync(RegistryService registry, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SetDomainRequest, cancellationToken);
        var model = await registry.SetModelDomainAsync(Requests.RouteValue(name), Requests.Required(body.Domain, "domain"), cancellationToken);
        return ApiResults.Ok(model.ToDto(), Json.RegisteredModel);
    }

    private static async Task<NoContent> DeleteAliasAsync(RegistryService registry, string name, string alias, CancellationToken cancellationToken)
    {
        await registry.ApplyAsync(new AliasRemoval(Requests.RouteValue(name), alias), cancellationToken);
        return TypedResults.NoContent();
    }
}
