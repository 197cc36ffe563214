using System.Globalization;
using Steward.Errors;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

// Rows as the database returns them; Dapper fills the properties from snake_case columns.

internal sealed class ExperimentRow
{
    public long ExperimentId { get; set; }
    public string Name { get; set; } = "";
    public string ArtifactLocation { get; set; } = "";
    public string LifecycleStage { get; set; } = "";
    public long CreationTime { get; set; }
    public long LastUpdateTime { get; set; }
    public string Domain { get; set; } = "";

    public Experiment ToExperiment(IReadOnlyList<Tag> tags) => new(
        ExperimentId.ToString(CultureInfo.InvariantCulture), Name, ArtifactLocation,
        Lifecycle.Parse(LifecycleStage), CreationTime, LastUpdateTime, tags, Domain);
}

internal sealed class RunRow
{
    /// <summary>The surrogate key the rows a run owns reference it by; never shown to clients.</summary>
    public long RunKey { get; set; }

    public string RunUuid { get; set; } = "";
    public string Name { get; set; } = "";
    public long ExperimentId { get; set; }
    public string UserId { get; set; } = "";
    public string Status { get; set; } = "";
    public long StartTime { get; set; }
    public long? EndTime { get; set; }
    public string ArtifactUri { get; set; } = "";
    public string LifecycleStage { get; set; } = "";

    public RunInfo ToInfo() => new(
        RunUuid, Name, ExperimentId.ToString(CultureInfo.InvariantCulture), UserId,
        RunStatuses.Parse(Status), StartTime, EndTime, ArtifactUri, Lifecycle.Parse(LifecycleStage));
}

internal sealed class MetricRow
{
    public long RunKey { get; set; }
    public string Key { get; set; } = "";
    public double Value { get; set; }
    public long Timestamp { get; set; }
    public long Step { get; set; }
    public long IsNan { get; set; }

    public Metric ToMetric() => new(Key, IsNan != 0 ? double.NaN : Value, Timestamp, Step);
}

/// <summary>A param or tag of a run.</summary>
internal sealed class RunKeyValueRow
{
    public long RunKey { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>A key/value row of a tag or param table, with the id of what it belongs to.</summary>
internal sealed class KeyValueRow
{
    public string OwnerId { get; set; } = "";
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

internal sealed class DatasetRow
{
    public long RunKey { get; set; }
    public string DatasetUuid { get; set; } = "";
    public string Name { get; set; } = "";
    public string Digest { get; set; } = "";
    public string SourceType { get; set; } = "";
    public string Source { get; set; } = "";
    public string? DatasetSchema { get; set; }
    public string? Profile { get; set; }
}

internal sealed class InputTagRow
{
    public long RunKey { get; set; }
    public string DatasetUuid { get; set; } = "";
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>Lifecycle stages as MLflow stores them ("active", "deleted").</summary>
internal static class Lifecycle
{
    public const string Active = "active";
    public const string Deleted = "deleted";

    public static string Name(LifecycleStage stage) => stage == LifecycleStage.Active ? Active : Deleted;

    public static LifecycleStage Parse(string stage) => stage == Active ? LifecycleStage.Active : LifecycleStage.Deleted;
}

/// <summary>Run statuses as MLflow stores them ("RUNNING", "FINISHED"...).</summary>
internal static class RunStatuses
{
    public static string Name(RunStatus status) => status.ToString().ToUpperInvariant();

    public static RunStatus Parse(string status) => Enum.TryParse<RunStatus>(status, ignoreCase: true, out var parsed)
        ? parsed
        : throw new StewardException(ErrorCode.InternalError, $"Unknown run status '{status}' in the database");
}
