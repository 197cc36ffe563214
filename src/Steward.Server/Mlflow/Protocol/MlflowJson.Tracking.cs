using System.Text.Json;
using Steward.Tracking;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>Experiments, runs and metrics as MLflow's service.proto messages.</summary>
internal static partial class MlflowJson
{
    private static readonly JsonEncodedText ExperimentId = JsonEncodedText.Encode("experiment_id");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText ArtifactLocation = JsonEncodedText.Encode("artifact_location");
    private static readonly JsonEncodedText LifecycleStageName = JsonEncodedText.Encode("lifecycle_stage");
    private static readonly JsonEncodedText LastUpdateTime = JsonEncodedText.Encode("last_update_time");
    private static readonly JsonEncodedText CreationTime = JsonEncodedText.Encode("creation_time");
    private static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
    private static readonly JsonEncodedText Active = JsonEncodedText.Encode("active");
    private static readonly JsonEncodedText Deleted = JsonEncodedText.Encode("deleted");

    private static readonly JsonEncodedText Info = JsonEncodedText.Encode("info");
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText Inputs = JsonEncodedText.Encode("inputs");
    private static readonly JsonEncodedText RunId = JsonEncodedText.Encode("run_id");
    private static readonly JsonEncodedText RunUuid = JsonEncodedText.Encode("run_uuid");
    private static readonly JsonEncodedText RunName = JsonEncodedText.Encode("run_name");
    private static readonly JsonEncodedText UserId = JsonEncodedText.Encode("user_id");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText StartTime = JsonEncodedText.Encode("start_time");
    private static readonly JsonEncodedText EndTime = JsonEncodedText.Encode("end_time");
    private static readonly JsonEncodedText ArtifactUri = JsonEncodedText.Encode("artifact_uri");
    private static readonly JsonEncodedText Metrics = JsonEncodedText.Encode("metrics");
    private static readonly JsonEncodedText Params = JsonEncodedText.Encode("params");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText Step = JsonEncodedText.Encode("step");
    private static readonly JsonEncodedText DatasetInputs = JsonEncodedText.Encode("dataset_inputs");
    private static readonly JsonEncodedText DatasetName = JsonEncodedText.Encode("dataset");
    private static readonly JsonEncodedText Digest = JsonEncodedText.Encode("digest");
    private static readonly JsonEncodedText SourceType = JsonEncodedText.Encode("source_type");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
    private static readonly JsonEncodedText Profile = JsonEncodedText.Encode("profile");

    public static JsonEncodedText Stage(LifecycleStage stage) => stage == LifecycleStage.Active ? Active : Deleted;

    public static void WriteExperiment(Utf8JsonWriter writer, Experiment experiment)
    {
        writer.WriteStartObject();
        writer.WriteString(ExperimentId, experiment.ExperimentId);
        writer.WriteString(Name, experiment.Name);
        writer.WriteString(ArtifactLocation, experiment.ArtifactLocation);
        writer.WriteString(LifecycleStageName, Stage(experiment.LifecycleStage));
        writer.WriteNumber(LastUpdateTime, experiment.LastUpdateTime);
        writer.WriteNumber(CreationTime, experiment.CreationTime);
        WriteKeyValues(writer, Tags, experiment.Tags);
        writer.WriteEndObject();
    }

    /// <summary>A <c>Run</c>: info, data, and <c>inputs</c>, which is always present (empty when the run logged no datasets).</summary>
    public static void WriteRun(Utf8JsonWriter writer, Run run)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Info);
        WriteRunInfo(writer, run.Info);

        writer.WriteStartObject(Data);
        if (run.Data.Metrics.Count > 0)
        {
            writer.WriteStartArray(Metrics);
            foreach (var metric in run.Data.Metrics) WriteMetric(writer, metric);
            writer.WriteEndArray();
        }

        WriteKeyValues(writer, Params, run.Data.Params);
        WriteKeyValues(writer, Tags, run.Data.Tags);
        writer.WriteEndObject();

        writer.WriteStartObject(Inputs);
        if (run.Inputs.Count > 0)
        {
            writer.WriteStartArray(DatasetInputs);
            foreach (var input in run.Inputs) WriteDatasetInput(writer, input);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteRunInfo(Utf8JsonWriter writer, RunInfo info)
    {
        writer.WriteStartObject();
        writer.WriteString(RunId, info.RunId);
        writer.WriteString(RunUuid, info.RunId);
        writer.WriteString(RunName, info.RunName);
        writer.WriteString(ExperimentId, info.ExperimentId);
        writer.WriteString(UserId, info.UserId);
        writer.WriteString(Status, MlflowEnums.RunStatuses.Name(info.Status));
        writer.WriteNumber(StartTime, info.StartTime);
        if (info.EndTime is { } end) writer.WriteNumber(EndTime, end);
        writer.WriteString(ArtifactUri, info.ArtifactUri);
        writer.WriteString(LifecycleStageName, Stage(info.LifecycleStage));
        writer.WriteEndObject();
    }

    public static void WriteMetric(Utf8JsonWriter writer, Metric metric, string? runId = null)
    {
        writer.WriteStartObject();
        writer.WriteString(Key, metric.Key);
        WriteDouble(writer, Value, metric.Value);
        writer.WriteNumber(Timestamp, metric.Timestamp);
        writer.WriteNumber(Step, metric.Step);
        if (runId is not null) writer.WriteString(RunId, runId);
        writer.WriteEndObject();
    }

    /// <summary>A repeated <c>Metric</c> field, omitted when empty.</summary>
    public static void WriteMetrics(Utf8JsonWriter writer, IReadOnlyList<Metric> metrics)
    {
        if (metrics.Count == 0) return;
        writer.WriteStartArray(Metrics);
        foreach (var metric in metrics) WriteMetric(writer, metric);
        writer.WriteEndArray();
    }

    private static void WriteDatasetInput(Utf8JsonWriter writer, DatasetInput input)
    {
        writer.WriteStartObject();
        WriteKeyValues(writer, Tags, input.Tags);
        var dataset = input.Dataset;
        writer.WriteStartObject(DatasetName);
        writer.WriteString(Name, dataset.Name);
        writer.WriteString(Digest, dataset.Digest);
        writer.WriteString(SourceType, dataset.SourceType);
        writer.WriteString(Source, dataset.Source);
        WriteOptional(writer, Schema, dataset.Schema);
        WriteOptional(writer, Profile, dataset.Profile);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
