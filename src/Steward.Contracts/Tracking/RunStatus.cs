using System.Text.Json.Serialization;

namespace Steward.Contracts.Tracking;

/// <summary>Where a run is in its execution, as its code reports it; upper case on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    /// <summary>The run is executing.</summary>
    [JsonStringEnumMemberName("RUNNING")] Running,

    /// <summary>The run is waiting to start.</summary>
    [JsonStringEnumMemberName("SCHEDULED")] Scheduled,

    /// <summary>The run completed.</summary>
    [JsonStringEnumMemberName("FINISHED")] Finished,

    /// <summary>The run ended with an error.</summary>
    [JsonStringEnumMemberName("FAILED")] Failed,

    /// <summary>The run was stopped before it completed.</summary>
    [JsonStringEnumMemberName("KILLED")] Killed,
}
