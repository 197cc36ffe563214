using System.Text.Json.Serialization;

namespace Steward.Stats.Evaluation;

/// <summary>Numeric predictions evaluated against numeric targets.</summary>
public sealed record RegressionEvaluationReport : EvaluationReport
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Task => "regression";

    /// <summary>The metrics.</summary>
    public required RegressionMetrics Metrics { get; init; }
}
