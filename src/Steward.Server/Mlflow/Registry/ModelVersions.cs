using System.Text.Json;
using Steward.Audit;
using Steward.Identity;
using Steward.Registry;
using Steward.Server.Mlflow.Protocol;

namespace Steward.Server.Mlflow.Registry;

/// <summary>MLflow's model-version RPCs. Stage transitions go through <see cref="RegistryService.ApplyAsync"/>.</summary>
internal static class ModelVersions
{
    private static readonly JsonEncodedText ModelVersionField = JsonEncodedText.Encode("model_version");
    private static readonly JsonEncodedText ModelVersionsField = JsonEncodedText.Encode("model_versions");

    public static void Map(MlflowRoutes routes)
    {
        routes.Post("/model-versions/create", CreateAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.ModelVersionCreate));
        routes.Patch("/model-versions/update", UpdateAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.ModelVersionUpdate));
        routes.Post("/model-versions/transition-stage", TransitionStageAsync, EndpointOptions.Write(Permission.ChangeStage, AuditActions.ModelVersionTransitionStage));
        routes.Delete("/model-versions/delete", DeleteAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.ModelVersionDelete));
        routes.Get("/model-versions/get", GetAsync);
        routes.Get("/model-versions/search", SearchAsync);
        routes.Get("/model-versions/get-download-uri", GetDownloadUriAsync);
        routes.Post("/model-versions/set-tag", SetTagAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.ModelVersionSetTag));
        routes.Delete("/model-versions/delete-tag", DeleteTagAsync, EndpointOptions.Write(Permission.WriteRegistry, AuditActions.ModelVersionDeleteTag));
    }

    /// <summary>Writes <c>"model_version": {...}</c>.</summary>
    public static void WriteVersion(Utf8JsonWriter writer, ModelVersion version)
    {
        writer.WritePropertyName(ModelVersionField);
        MlflowJson.WriteModelVersion(writer, version);
    }

    private static async Task CreateAsync(MlflowCall call)
    {
        var r = call.Request;
        var source = r.String("source");
        await ModelSources.CheckAsync(call, source);
        // MLflow 3 registers logged models by id; the source (models:/<id>) already names it.
        if (r.String("model_id") is { Length: > 0 } modelId) await call.LoggedModels.GetLoggedModelAsync(modelId, call.Aborted);
        var version = await call.Registry.CreateModelVersionAsync(
            r.String("name"), source, r.String("run_id"), r.Tags("tags"), r.String("run_link"), r.String("description"), call.Aborted);
        await call.OkAsync(version, WriteVersion);
    }

    private static async Task UpdateAsync(MlflowCall call)
    {
        var r = call.Request;
        var version = await call.Registry.UpdateModelVersionAsync(r.String("name"), r.String("version"), r.String("description"), call.Aborted);
        await call.OkAsync(version, WriteVersion);
    }

    private static async Task TransitionStageAsync(MlflowCall call)
    {
        var r = call.Request;
        var change = new StageTransition(
            r.String("name") ?? "",
            RegistryService.ParseVersion(r.String("version")),
            ModelStages.Parse(Validation.Required(r.String("stage"), "stage")),
            r.Bool("archive_existing_versions") ?? throw MlflowRequest.Missing("archive_existing_versions"));
        var version = await call.Registry.ApplyAsync(change, call.Aborted);
        await call.OkAsync(version, WriteVersion);
    }

    private static async Task DeleteAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Registry.DeleteModelVersionAsync(r.String("name"), r.String("version"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task GetAsync(MlflowCall call)
    {
        var r = call.Request;
        var version = await call.Registry.GetModelVersionAsync(r.String("name"), r.String("version"), call.Aborted);
        await call.OkAsync(version, WriteVersion);
    }

    private static async Task SearchAsync(MlflowCall call)
    {
        var r = call.Request;
        var page = await call.Registry.SearchModelVersionsAsync(r.String("filter"), r.Strings("order_by"), r.Int64("max_results"), r.String("page_token"), call.Aborted);
        await call.OkAsync(page, static (w, page) =>
        {
            MlflowJson.WriteModelVersions(w, ModelVersionsField, page.Items);
            MlflowJson.WriteNextPageToken(w, page.NextPageToken);
        });
    }

    /// <summary>The version's source resolved to where its files are, which clients then download through the artifact proxy.</summary>
    private static async Task GetDownloadUriAsync(MlflowCall call)
    {
        var r = call.Request;
        var version = await call.Registry.GetModelVersionAsync(r.String("name"), r.String("version"), call.Aborted);
        var uri = await ModelSources.ResolveAsync(call, version.Source);
        await call.OkAsync(uri, static (w, uri) => w.WriteString("artifact_uri", uri));
    }

    private static async Task SetTagAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Registry.SetModelVersionTagAsync(r.String("name"), r.String("version"), r.String("key"), r.String("value"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task DeleteTagAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Registry.DeleteModelVersionTagAsync(r.String("name"), r.String("version"), r.String("key"), call.Aborted);
        await call.OkAsync();
    }
}
