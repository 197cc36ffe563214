using System.Globalization;
using System.Text.Json;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Server.Mlflow.Protocol;
using Steward.Tracking;

namespace Steward.Server.Mlflow;

/// <summary>MLflow's run RPCs: lifecycle, logging (single and batch), inputs, models, search.</summary>
internal static class Runs
{
    private static readonly JsonEncodedText RunsField = JsonEncodedText.Encode("runs");

    /// <summary>log-batch reads at most this much (MLflow's MAX_BATCH_LOG_REQUEST_SIZE) before parsing anything.</summary>
    private static readonly EndpointOptions LogBatchOptions = new(
        Limits.MaxRequestBytes,
        size => $"Batched logging API requests must be at most {Limits.MaxRequestBytes} bytes, got a request of size {(size is null ? "more than that" : size.Value.ToString(CultureInfo.InvariantCulture))}.");

    /// <summary>log-inputs may carry dataset profiles of up to 16 MB, so only writers get to send that much.</summary>
    private static readonly EndpointOptions LogInputsOptions = new(
        Limits.MaxLogInputsRequestBytes,
        Requires: (Permission.WriteTracking, AuditActions.RunLogInputs));

    public static void Map(MlflowRoutes routes)
    {
        routes.Post("/runs/create", CreateAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.RunCreate));
        routes.Get("/runs/get", GetAsync);
        routes.Post("/runs/update", UpdateAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.RunUpdate));
        routes.Post("/runs/delete", DeleteAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.RunDelete));
        routes.Post("/runs/restore", RestoreAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.RunRestore));
        routes.Post("/runs/log-metric", LogMetricAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.RunLogMetric));
        routes.Post("/runs/log-parameter", LogParamAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.RunLogParam));
        routes.Post("/runs/set-tag", SetTagAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.RunSetTag));
        routes.Post("/runs/delete-tag", DeleteTagAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.RunDeleteTag));
        routes.Post("/runs/log-batch", LogBatchAsync, LogBatchOptions.Writing(Permission.WriteTracking, AuditActions.RunLogBatch));
        routes.Post("/runs/log-inputs", LogInputsAsync, LogInputsOptions);
        routes.Post("/runs/log-model", LogModelAsync, EndpointOptions.Write(Permission.WriteTracking, AuditActions.RunLogModel));
        routes.Post("/runs/outputs", LogOutputsAsync, EndpointOptions.Write(Permission.WriteTracking, "run.log_outputs"));
        routes.Post("/runs/search", SearchAsync);
    }

    private static async Task CreateAsync(MlflowCall call)
    {
        var r = call.Request;
        var run = await call.Tracking.CreateRunAsync(r.String("experiment_id"), r.String("run_name"), r.Int64("start_time"), r.Tags("tags"), call.Aborted);
        await call.OkAsync(run, WriteRun);
    }

    private static async Task GetAsync(MlflowCall call)
    {
        var run = await call.Tracking.GetRunAsync(call.Request.RunId(), call.Aborted);
        await call.OkAsync(run, WriteRun);
    }

    private static async Task UpdateAsync(MlflowCall call)
    {
        var r = call.Request;
        var info = await call.Tracking.UpdateRunAsync(r.RunId(), r.Enum("status", MlflowEnums.RunStatuses), r.Int64("end_time"), r.String("run_name"), call.Aborted);
        await call.OkAsync(info, static (w, info) =>
        {
            w.WritePropertyName("run_info");
            MlflowJson.WriteRunInfo(w, info);
        });
    }

    private static async Task DeleteAsync(MlflowCall call)
    {
        await call.Tracking.DeleteRunAsync(call.Request.RunId(), call.Aborted);
        await call.OkAsync();
    }

    private static async Task RestoreAsync(MlflowCall call)
    {
        await call.Tracking.RestoreRunAsync(call.Request.RunId(), call.Aborted);
        await call.OkAsync();
    }

    private static async Task LogMetricAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Tracking.LogMetricAsync(r.RunId(), r.String("key"), r.Double("value"), r.Int64("timestamp"), r.Int64("step"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task LogParamAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Tracking.LogParamAsync(r.RunId(), r.String("key"), r.String("value"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task SetTagAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Tracking.SetTagAsync(r.RunId(), r.String("key"), r.String("value"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task DeleteTagAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Tracking.DeleteTagAsync(r.RunId(), r.String("key"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task LogBatchAsync(MlflowCall call)
    {
        var r = call.Request;
        var batch = new RunBatch(r.Metrics("metrics") ?? [], r.Params("params") ?? [], r.Tags("tags") ?? []);
        await call.Tracking.LogBatchAsync(r.RunId(), batch, call.Aborted);
        await call.OkAsync();
    }

    private static async Task LogInputsAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Tracking.LogInputsAsync(r.RunId(), r.DatasetInputs("datasets"), call.Aborted);
        await call.OkAsync();
    }

    private static async Task LogModelAsync(MlflowCall call)
    {
        var r = call.Request;
        await call.Tracking.RecordLoggedModelAsync(r.RunId(), r.String("model_json"), call.Aborted);
        await call.OkAsync();
    }

    /// <summary>
    /// MLflow 3 links the logged models a run produced. Steward links a logged model to its run
    /// through the model's <c>source_run_id</c>, so this checks the run and the models exist.
    /// </summary>
    private static async Task LogOutputsAsync(MlflowCall call)
    {
        var r = call.Request;
        var run = await call.Tracking.GetRunAsync(r.RunId(), call.Aborted);
        if (run.Info.LifecycleStage != LifecycleStage.Active)
        {
            throw StewardException.Invalid($"The run {run.Info.RunId} must be in the 'active' state. Current state is deleted.");
        }

        foreach (var output in r.Objects("models") ?? [])
        {
            await call.LoggedModels.GetLoggedModelAsync(output.String("model_id"), call.Aborted);
        }

        await call.OkAsync();
    }

    private static async Task SearchAsync(MlflowCall call)
    {
        var r = call.Request;
        var page = await call.Tracking.SearchRunsAsync(
            r.Strings("experiment_ids"),
            r.String("filter"),
            r.Strings("order_by"),
            r.Enum("run_view_type", MlflowEnums.ViewTypes) ?? ViewType.ActiveOnly,
            r.Int64("max_results"),
            r.String("page_token"),
            call.Aborted);
        await call.OkAsync(page, static (w, page) => MlflowJson.WritePage(w, RunsField, page, MlflowJson.WriteRun));
    }

    private static void WriteRun(Utf8JsonWriter writer, Run run)
    {
        writer.WritePropertyName("run");
        MlflowJson.WriteRun(writer, run);
    }
}
