using System.Text.Json;
using Steward.Audit;
using Steward.Identity;
using Steward.Server.Mlflow.Protocol;
using Steward.Tracking;

namespace Steward.Server.Mlflow;

/// <summary>MLflow's experiment RPCs: create, get, search, rename, delete, restore, tags.</summary>
internal static class Experiments
{
    private static readonly JsonEncodedText ExperimentsField = JsonEncodedText.Encode("experiments");

    public static void Map(MlflowRoutes routes)
    {
        routes.Post("/experiments/create", CreateAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.ExperimentCreate));
        routes.Get("/experiments/get", GetAsync);
        routes.Get("/experiments/get-by-name", GetByNameAsync);
        routes.Post("/experiments/search", SearchAsync);
        routes.Get("/experiments/search", SearchAsync);
        routes.Post("/experiments/update", UpdateAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.ExperimentRename));
        routes.Post("/experiments/delete", DeleteAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.ExperimentDelete));
        routes.Post("/experiments/restore", RestoreAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.ExperimentRestore));
        routes.Post("/experiments/set-experiment-tag", SetTagAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.ExperimentSetTag));
        routes.Post("/experiments/delete-experiment-tag", DeleteTagAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.ExperimentDeleteTag));
    }

    private static async Task CreateAsync(MlflowCall call)
    {
        var r = call.Request;
        var id = await call.Tracking.CreateExperimentAsync(r.String("name"), r.String("artifact_location"), r.Tags("tags"), domain: null, call.Aborted);
        await call.OkAsync(id, static (w, id) => w.WriteString("experiment_id", id));
    }

    private static async Task GetAsync(MlflowCall call)
    {
        var experiment = await call.Tracking.GetExperimentAsync(call.Request.String("experiment_id"), call.Aborted);
        await call.OkAsync(experiment, WriteExperiment);
    }

    private static async Task GetByNameAsync(MlflowCall call)
    {
        var experiment = await call.Tracking.GetExperimentByNameAsync(call.Request.String("experiment_name"), call.Aborted);
        await call.OkAsync(experiment, WriteExperiment);
    }

    private static async Task SearchAsync(MlflowCall call)
    {
        var r = call.Request;
        var page = await call.Tracking.SearchExperimentsAsync(
            r.String("filter"),
            r.Strings("order_by"),
            r.Enum("view_type", MlflowEnums.ViewTypes) ?? ViewType.ActiveOnly,
            r.Int64("max_results"),
            r.String("page_token"),
            call.Aborted);
        await call.OkAsync(page, static (w, page) => MlflowJson.WritePage(w, ExperimentsField, page, MlflowJson.WriteExperiment));
    }

    private static async Task UpdateAsync(MlflowCall call)
    {
        var r = call.Request;
        var newName = r.String("new_name");
        // MLflow renames only when a new name is given; without one the call changes nothing.
        if (string.IsNullOrEmpty(newName)) await call.Tracking.GetExperimentAsync(r.String("experiment_id"), call.Aborted);
        else await call.Tracking.RenameExperimentAsync(r.String("experiment_id"), newName, call.Aborted);
        await call.OkAsync();
    }

    private static async Task DeleteAsync(MlflowCall call)
    {
        await call.Tracking.DeleteExperimentAsync(call.Request.String("experiment_id"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task RestoreAsync(MlflowCall call)
    {
        await call.Tracking.RestoreExperimentAsync(call.Request.String("experiment_id"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task SetTagAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Tracking.SetExperimentTagAsync(r.String("experiment_id"), r.String("key"), r.String("value"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task DeleteTagAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Tracking.DeleteExperimentTagAsync(r.String("experiment_id"), r.String("key"), call.Aborted);
        await call.OkAsync();
    }

    private static void WriteExperiment(Utf8JsonWriter writer, Experiment experiment)
    {
        writer.WritePropertyName("experiment");
        MlflowJson.WriteExperiment(writer, experiment);
    }
}
