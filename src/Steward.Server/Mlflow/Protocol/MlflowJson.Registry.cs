using System.Globalization;
using System.Text.Json;
using Steward.Registry;
using Steward.Tracking.LoggedModels;

namespace Steward.Server.Mlflow.Protocol;

/// <summary>Registered models and model versions (model_registry.proto), and MLflow 3's logged models.</summary>
internal static partial class MlflowJson
{
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText CreationTimestamp = JsonEncodedText.Encode("creation_timestamp");
    private static readonly JsonEncodedText LastUpdatedTimestamp = JsonEncodedText.Encode("last_updated_timestamp");
    private static readonly JsonEncodedText CurrentStage = JsonEncodedText.Encode("current_stage");
    private static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText StatusMessage = JsonEncodedText.Encode("status_message");
    private static readonly JsonEncodedText RunLink = JsonEncodedText.Encode("run_link");
    private static readonly JsonEncodedText Aliases = JsonEncodedText.Encode("aliases");
    private static readonly JsonEncodedText Alias = JsonEncodedText.Encode("alias");
    private static readonly JsonEncodedText LatestVersions = JsonEncodedText.Encode("latest_versions");

    private static readonly JsonEncodedText ModelId = JsonEncodedText.Encode("model_id");
    private static readonly JsonEncodedText CreationTimestampMs = JsonEncodedText.Encode("creation_timestamp_ms");
    private static readonly JsonEncodedText LastUpdatedTimestampMs = JsonEncodedText.Encode("last_updated_timestamp_ms");
    private static readonly JsonEncodedText ModelType = JsonEncodedText.Encode("model_type");
    private static readonly JsonEncodedText SourceRunId = JsonEncodedText.Encode("source_run_id");

    public static void WriteRegisteredModel(Utf8JsonWriter writer, RegisteredModel model)
    {
        writer.WriteStartObject();
        writer.WriteString(Name, model.Name);
        writer.WriteNumber(CreationTimestamp, model.CreationTimestamp);
        writer.WriteNumber(LastUpdatedTimestamp, model.LastUpdatedTimestamp);
        writer.WriteString(UserId, model.UserId);
        writer.WriteString(Description, model.Description);
        WriteModelVersions(writer, LatestVersions, model.LatestVersions);
        WriteKeyValues(writer, Tags, model.Tags);
        if (model.Aliases.Count > 0)
        {
            writer.WriteStartArray(Aliases);
            foreach (var alias in model.Aliases)
            {
                writer.WriteStartObject();
                writer.WriteString(Alias, alias.Alias);
                writer.WriteString(Version, alias.Version.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>A <c>ModelVersion</c>; its number is a string in MLflow's JSON.</summary>
    public static void WriteModelVersion(Utf8JsonWriter writer, ModelVersion version)
    {
        writer.WriteStartObject();
        writer.WriteString(Name, version.Name);
        writer.WriteString(Version, version.Version.ToString(CultureInfo.InvariantCulture));
        writer.WriteNumber(CreationTimestamp, version.CreationTimestamp);
        writer.WriteNumber(LastUpdatedTimestamp, version.LastUpdatedTimestamp);
        writer.WriteString(UserId, version.UserId);
        writer.WriteString(CurrentStage, ModelStages.Name(version.CurrentStage));
        writer.WriteString(Description, version.Description);
        writer.WriteString(Source, version.Source);
        WriteOptional(writer, RunId, version.RunId);
        writer.WriteString(Status, version.Status);
        WriteOptional(writer, StatusMessage, version.StatusMessage);
        WriteKeyValues(writer, Tags, version.Tags);
        writer.WriteString(RunLink, version.RunLink);
        if (version.Aliases.Count > 0)
        {
            writer.WriteStartArray(Aliases);
            foreach (var alias in version.Aliases) writer.WriteStringValue(alias);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>A repeated <c>ModelVersion</c> field, omitted when empty.</summary>
    public static void WriteModelVersions(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<ModelVersion> versions)
    {
        if (versions.Count == 0) return;
        writer.WriteStartArray(name);
        foreach (var version in versions) WriteModelVersion(writer, version);
        writer.WriteEndArray();
    }

    /// <summary>MLflow 3's <c>LoggedModel{info, data}</c>.</summary>
    public static void WriteLoggedModel(Utf8JsonWriter writer, LoggedModel model)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(Info);
        writer.WriteString(ModelId, model.ModelId);
        writer.WriteString(ExperimentId, model.ExperimentId);
        writer.WriteString(Name, model.Name);
        writer.WriteNumber(CreationTimestampMs, model.CreationTimestampMs);
        writer.WriteNumber(LastUpdatedTimestampMs, model.LastUpdatedTimestampMs);
        writer.WriteString(ArtifactUri, model.ArtifactUri);
        writer.WriteString(Status, MlflowEnums.LoggedModelStatuses.Name(model.Status));
        WriteOptional(writer, ModelType, model.ModelType);
        WriteOptional(writer, SourceRunId, model.SourceRunId);
        WriteOptional(writer, StatusMessage, model.StatusMessage);
        WriteKeyValues(writer, Tags, model.Tags);
        writer.WriteEndObject();
        writer.WriteStartObject(Data);
        WriteKeyValues(writer, Params, model.Params);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
