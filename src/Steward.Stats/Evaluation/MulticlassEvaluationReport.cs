using System.Text.Json.Serialization;

namespace Steward.Stats.Evaluation;

/// <summary>Predicted class labels evaluated against actual ones.</summary>
public sealed record MulticlassEvaluationReport : EvaluationReport
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Task => "multiclass";

    /// <summary>The overall metrics.</summary>
    public required MulticlassMetrics Metrics { get; init; }

    /// <summary>Per-label metrics, in label order.</summary>
    public required IReadOnlyList<ClassMetrics> Classes { get; init; }

    /// <summary>The confusion matrix: rows actual, columns predicted, both in label order.</summary>
    public required MulticlassConfusion ConfusionMatrix { get; init; }
}
