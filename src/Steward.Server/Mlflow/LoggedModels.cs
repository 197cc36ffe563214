using System.Text.Json;
using Steward.Artifacts;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Server.Mlflow.Protocol;
using Steward.Tracking.LoggedModels;

namespace Steward.Server.Mlflow;

/// <summary>
/// MLflow 3's logged models: <c>log_model</c> creates one, uploads its files through the
/// artifact proxy under the model's <c>artifact_uri</c>, then finalizes it.
/// </summary>
internal static class LoggedModels
{
    private static readonly JsonEncodedText ModelField = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText ModelsField = JsonEncodedText.Encode("models");

    public static void Map(MlflowRoutes routes)
    {
        routes.Post("/logged-models", CreateAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.LoggedModelCreate));
        routes.Post("/logged-models/search", SearchAsync);
        routes.Get("/logged-models/{model_id}", GetAsync);
        routes.Patch("/logged-models/{model_id}", FinalizeAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.LoggedModelFinalize));
        routes.Delete("/logged-models/{model_id}", DeleteAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.LoggedModelDelete));
        routes.Post("/logged-models/{model_id}/params", LogParamsAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.LoggedModelLogParams));
        routes.Patch("/logged-models/{model_id}/tags", SetTagsAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.LoggedModelSetTags));
        routes.Delete("/logged-models/{model_id}/tags/{tag_key}", DeleteTagAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.LoggedModelDeleteTag));
        routes.Get("/logged-models/{model_id}/artifacts/directories", ListArtifactsAsync);
    }

    private static async Task CreateAsync(MlflowCall call)
    {
        var r = call.Request;
        var model = await call.LoggedModels.CreateLoggedModelAsync(
            r.String("experiment_id"), r.String("name"), r.String("model_type"), r.String("source_run_id"), r.Params("params"), r.Tags("tags"), call.Aborted);
        await call.OkAsync(model, WriteModel);
    }

    private static async Task GetAsync(MlflowCall call)
    {
        var model = await call.LoggedModels.GetLoggedModelAsync(call.RouteValue("model_id"), call.Aborted);
        await call.OkAsync(model, WriteModel);
    }

    private static async Task FinalizeAsync(MlflowCall call)
    {
        var model = await call.LoggedModels.FinalizeLoggedModelAsync(
            call.RouteValue("model_id"), call.Request.Enum("status", MlflowEnums.LoggedModelStatuses), call.Aborted);
        await call.OkAsync(model, WriteModel);
    }

    private static async Task DeleteAsync(MlflowCall call)
    {
        await call.LoggedModels.DeleteLoggedModelAsync(call.RouteValue("model_id"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task LogParamsAsync(MlflowCall call)
    {
        await call.LoggedModels.LogLoggedModelParamsAsync(call.RouteValue("model_id"), call.Request.Params("params"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task SetTagsAsync(MlflowCall call)
    {
        var id = call.RouteValue("model_id");
        await call.LoggedModels.SetLoggedModelTagsAsync(id, call.Request.Tags("tags"), call.Aborted);
        var model = await call.LoggedModels.GetLoggedModelAsync(id, call.Aborted);
        await call.OkAsync(model, WriteModel);
    }

    private static async Task DeleteTagAsync(MlflowCall call)
    {
        await call.LoggedModels.DeleteLoggedModelTagAsync(call.RouteValue("model_id"), call.RouteValue("tag_key"), call.Aborted);
        await call.OkAsync();
    }

    /// <summary>
    /// Searches by experiment, newest first. Filters, dataset scopes and custom orderings are not
    /// supported yet; asking for one is answered NOT_IMPLEMENTED rather than silently ignored.
    /// </summary>
    private static async Task SearchAsync(MlflowCall call)
    {
        var r = call.Request;
        if (!string.IsNullOrWhiteSpace(r.String("filter")) || r.Objects("datasets") is { Count: > 0 } || r.Objects("order_by") is { Count: > 0 })
        {
            throw new StewardException(ErrorCode.NotImplemented, "Searching logged models supports experiment_ids, max_results and page_token; filter, datasets and order_by are not supported yet.");
        }

        var page = await call.LoggedModels.SearchLoggedModelsAsync(r.Strings("experiment_ids"), r.Int64("max_results"), r.String("page_token"), call.Aborted);
        await call.OkAsync(page, static (w, page) => MlflowJson.WritePage(w, ModelsField, page, MlflowJson.WriteLoggedModel));
    }

    /// <summary>Lists the model's files under <c>artifact_directory_path</c>, named from the model's root, with its <c>root_uri</c>.</summary>
    private static async Task ListArtifactsAsync(MlflowCall call)
    {
        var model = await call.LoggedModels.GetLoggedModelAsync(call.RouteValue("model_id"), call.Aborted);
        var relative = ArtifactFiles.Clean(call.Request.String("artifact_directory_path"));
        var root = ArtifactPath.ProxyRoot(model.ArtifactUri)
            ?? throw new StewardException(ErrorCode.NotImplemented, $"Logged model {model.ModelId} keeps its files at '{model.ArtifactUri}', which Steward does not serve.");
        var files = await call.ArtifactStore.ListAsync(ArtifactPath.Combine(root, relative), call.Aborted);
        var named = files.Select(f => f with { Path = ArtifactPath.Combine(relative, f.Path) }).ToList();
        await call.OkAsync((named, model.ArtifactUri), static (w, state) => MlflowJson.WriteFiles(w, state.named, state.ArtifactUri));
    }

    private static void WriteModel(Utf8JsonWriter writer, LoggedModel model)
    {
        writer.WritePropertyName(ModelField);
        MlflowJson.WriteLoggedModel(writer, model);
    }
}
