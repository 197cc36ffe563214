namespace Steward.Stats.Fairness;

/// <summary>
/// Bootstrap confidence intervals of a group's rates. An interval is null when the rate was undefined
/// in every resample (for instance a group with no positive label has no true positive rate).
/// </summary>
public sealed record RateIntervals
{
    /// <summary>Interval of the selection rate.</summary>
    public ConfidenceInterval? SelectionRate { get; init; }

    /// <summary>Interval of the true positive rate.</summary>
    public ConfidenceInterval? TruePositiveRate { get; init; }

    /// <summary>Interval of the false positive rate.</summary>
    public ConfidenceInterval? FalsePositiveRate { get; init; }

    /// <summary>Interval of the false negative rate.</summary>
    public ConfidenceInterval? FalseNegativeRate { get; init; }

    /// <summary>Interval of the true negative rate.</summary>
    public ConfidenceInterval? TrueNegativeRate { get; init; }

    /// <summary>Interval of the precision.</summary>
    public ConfidenceInterval? Precision { get; init; }

    /// <summary>Interval of the accuracy.</summary>
    public ConfidenceInterval? Accuracy { get; init; }
}
