namespace Steward.Analytics.Evaluation;

/// <summary>What kind of model output is evaluated.</summary>
public enum EvaluationTask
{
    /// <summary>A score per row against a true/false label.</summary>
    Binary,

    /// <summary>A numeric prediction against a numeric target.</summary>
    Regression,

    /// <summary>A predicted class label against the actual one.</summary>
    Multiclass,
}
