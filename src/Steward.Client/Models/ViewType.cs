using System.Text.Json.Serialization;

namespace Steward.Client;

/// <summary>Which lifecycle stages a search returns.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ViewType>))]
public enum ViewType
{
    /// <summary>Only active experiments or runs (the default).</summary>
    [JsonStringEnumMemberName("active")] ActiveOnly,

    /// <summary>Only soft-deleted ones.</summary>
    [JsonStringEnumMemberName("deleted")] DeletedOnly,

    /// <summary>Both.</summary>
    [JsonStringEnumMemberName("all")] All,
}
