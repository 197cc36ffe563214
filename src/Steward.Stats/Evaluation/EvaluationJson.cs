using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Stats.Evaluation;

/// <summary>
/// The evaluation report's JSON: camelCase, indented, the task first, <c>null</c> for undefined
/// metrics. This shape is a public contract (docs/evaluation.md).
/// </summary>
public static class EvaluationJson
{
    /// <summary>The report as JSON text.</summary>
    public static string Serialize(EvaluationReport report) =>
        JsonSerializer.Serialize(report, EvaluationJsonContext.Default.EvaluationReport);

    /// <summary>A report from JSON written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not an evaluation report.</exception>
    public static EvaluationReport Deserialize(string json) =>
        JsonSerializer.Deserialize(json, EvaluationJsonContext.Default.EvaluationReport)
        ?? throw new JsonException("the JSON holds null, not an evaluation report");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EvaluationReport))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
