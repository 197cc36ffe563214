using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Stats.Fairness;

/// <summary>
/// The fairness report's JSON: camelCase members, enums as camelCase strings, sensitive feature
/// names as written in the data, and null — never NaN — for an undefined value.
/// </summary>
public static class FairnessJson
{
    /// <summary>Options that read and write the documented shape.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The report as indented JSON.</summary>
    public static string Serialize(FairnessReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>A report read back from its JSON.</summary>
    public static FairnessReport Deserialize(string json) =>
        JsonSerializer.Deserialize<FairnessReport>(json, Options) ?? throw new JsonException("the JSON is null, not a fairness report");
}
