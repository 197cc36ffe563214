using System.Text.Json.Serialization;

namespace Steward.Contracts.Tracking;

/// <summary>Whether an experiment or run is live or soft-deleted (and so restorable); <c>active</c> or <c>deleted</c> on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LifecycleStage>))]
public enum LifecycleStage
{
    /// <summary>Visible in default searches.</summary>
    [JsonStringEnumMemberName("active")] Active,

    /// <summary>Soft-deleted; shown only when searching deleted or all.</summary>
    [JsonStringEnumMemberName("deleted")] Deleted,
}
