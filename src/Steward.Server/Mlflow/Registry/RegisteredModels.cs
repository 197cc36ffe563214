using System.Text.Json;
using Steward.Audit;
using Steward.Identity;
using Steward.Registry;
using Steward.Server.Mlflow.Protocol;

namespace Steward.Server.Mlflow.Registry;

/// <summary>MLflow's registered-model RPCs, including tags and aliases. Alias changes go through <see cref="RegistryService.ApplyAsync"/>.</summary>
internal static class RegisteredModels
{
    private static readonly JsonEncodedText RegisteredModelField = JsonEncodedText.Encode("registered_model");
    private static readonly JsonEncodedText RegisteredModelsField = JsonEncodedText.Encode("registered_models");
    private static readonly JsonEncodedText ModelVersionsField = JsonEncodedText.Encode("model_versions");

    public static void Map(MlflowRoutes routes)
    {
        routes.Post("/registered-models/create", CreateAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.RegisteredModelCreate));
        routes.Post("/registered-models/rename", RenameAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.RegisteredModelRename));
        routes.Patch("/registered-models/update", UpdateAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.RegisteredModelUpdate));
        routes.Delete("/registered-models/delete", DeleteAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.RegisteredModelDelete));
        routes.Get("/registered-models/get", GetAsync);
        routes.Get("/registered-models/search", SearchAsync);
        routes.Post("/registered-models/get-latest-versions", GetLatestVersionsAsync);
        routes.Get("/registered-models/get-latest-versions", GetLatestVersionsAsync);
        routes.Post("/registered-models/set-tag", SetTagAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.RegisteredModelSetTag));
        routes.Delete("/registered-models/delete-tag", DeleteTagAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.RegisteredModelDeleteTag));
        routes.Post("/registered-models/alias", SetAliasAsync, EndpointOptions.Write(Permission.ChangeStage, AuditActions.RegisteredModelSetAlias));
        routes.Delete("/registered-models/alias", DeleteAliasAsync, EndpointOptions.Write(Permission.ChangeStage, AuditActions.RegisteredModelDeleteAlias));
        routes.Get("/registered-models/alias", GetByAliasAsync);
    }

    private static async Task CreateAsync(MlflowCall call)
    {
        var r = call.Request;
        var model = await call.Registry.CreateRegisteredModelAsync(r.String("name"), r.String("description"), r.Tags("tags"), domain: null, call.Aborted);
        await call.OkAsync(model, WriteModel);
    }

    private static async Task RenameAsync(MlflowCall call)
    {
        var r = call.Request;
        var model = await call.Registry.RenameRegisteredModelAsync(r.String("name"), r.String("new_name"), call.Aborted);
        await call.OkAsync(model, WriteModel);
    }

    private static async Task UpdateAsync(MlflowCall call)
    {
        var r = call.Request;
        var model = await call.Registry.UpdateRegisteredModelAsync(r.String("name"), r.String("description"), call.Aborted);
        await call.OkAsync(model, WriteModel);
    }

    private static async Task DeleteAsync(MlflowCall call)
    {
        await call.Registry.DeleteRegisteredModelAsync(call.Request.String("name"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task GetAsync(MlflowCall call)
    {
        var model = await call.Registry.GetRegisteredModelAsync(call.Request.String("name"), call.Aborted);
        await call.OkAsync(model, WriteModel);
    }

    private static async Task SearchAsync(MlflowCall call)
    {
        var r = call.Request;
        var page = await call.Registry.SearchRegisteredModelsAsync(r.String("filter"), r.Strings("order_by"), r.Int64("max_results"), r.String("page_token"), call.Aborted);
        await call.OkAsync(page, static (w, page) => MlflowJson.WritePage(w, RegisteredModelsField, page, MlflowJson.WriteRegisteredModel));
    }

    private static async Task GetLatestVersionsAsync(MlflowCall call)
    {
        var r = call.Request;
        var versions = await call.Registry.GetLatestVersionsAsync(r.String("name"), r.Strings("stages"), call.Aborted);
        await call.OkAsync(versions, static (w, versions) => MlflowJson.WriteModelVersions(w, ModelVersionsField, versions));
    }

    private static async Task SetTagAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Registry.SetRegisteredModelTagAsync(r.String("name"), r.String("key"), r.String("value"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task DeleteTagAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Registry.DeleteRegisteredModelTagAsync(r.String("name"), r.String("key"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task SetAliasAsync(MlflowCall call)
    {
        var r = call.Request;
        var change = new AliasAssignment(r.String("name") ?? "", Validation.Required(r.String("alias"), "alias"), RegistryService.ParseVersion(r.String("version")));
        await call.Registry.ApplyAsync(change, call.Aborted);
        await call.OkAsync();
    }

    private static async Task DeleteAliasAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Registry.ApplyAsync(new AliasRemoval(r.String("name") ?? "", Validation.Required(r.String("alias"), "alias")), call.Aborted);
        await call.OkAsync();
    }

    private static async Task GetByAliasAsync(MlflowCall call)
    {
        var r = call.Request;
        var version = await call.Registry.GetModelVersionByAliasAsync(r.String("name"), r.String("alias"), call.Aborted);
        await call.OkAsync(version, ModelVersions.WriteVersion);
    }

    private static void WriteModel(Utf8JsonWriter writer, RegisteredModel model)
    {
        writer.WritePropertyName(RegisteredModelField);
        MlflowJson.WriteRegisteredModel(writer, model);
    }
}
