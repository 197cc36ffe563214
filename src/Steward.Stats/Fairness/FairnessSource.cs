namespace Steward.Stats.Fairness;

/// <summary>Where an audit's rows came from and how labels and predictions were read from them.</summary>
public sealed record FairnessSource
{
    /// <summary>The data file, or null for in-memory columns.</summary>
    public string? Data { get; init; }

    /// <summary>The SQL row filter applied, or null.</summary>
    public string? Where { get; init; }

    /// <summary>The label column.</summary>
    public required string Label { get; init; }

    /// <summary>The value that makes a label (and a text prediction) positive, or null for 0/1 and true/false.</summary>
    public string? Positive { get; init; }

    /// <summary>The binary prediction column, or null when predictions come from a score.</summary>
    public string? Prediction { get; init; }

    /// <summary>The score column, or null when a binary prediction column was given.</summary>
    public string? Score { get; init; }

    /// <summary>A score at or above this is a positive prediction; null without a score.</summary>
    public double? Threshold { get; init; }
}
