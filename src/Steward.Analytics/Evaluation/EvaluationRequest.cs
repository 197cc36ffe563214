using Steward.Stats.Evaluation;

namespace Steward.Analytics.Evaluation;

/// <summary>
/// Which columns to evaluate and how. Give <see cref="Score"/> for a binary evaluation or
/// <see cref="Prediction"/> for regression and multiclass. Without <see cref="Task"/>, a score means
/// binary and a prediction means regression when the label and prediction columns are both numeric,
/// multiclass otherwise (integer class codes therefore need <see cref="EvaluationTask.Multiclass"/>).
/// </summary>
public sealed record EvaluationRequest
{
    /// <summary>The column of actual values.</summary>
    public required string Label { get; init; }

    /// <summary>The column of scores (binary).</summary>
    public string? Score { get; init; }

    /// <summary>The column of predictions (regression, multiclass).</summary>
    public string? Prediction { get; init; }

    /// <summary>The task, or null to infer it as described on the type.</summary>
    public EvaluationTask? Task { get; init; }

    /// <summary>The label value that counts as positive (binary); null accepts only 0/1 and true/false labels.</summary>
    public string? Positive { get; init; }

    /// <summary>Threshold, calibration bins and curve length for a binary evaluation.</summary>
    public BinaryEvaluationOptions Binary { get; init; } = new();
}
