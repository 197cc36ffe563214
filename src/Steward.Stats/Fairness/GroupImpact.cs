namespace Steward.Stats.Fairness;

/// <summary>One group's disparate-impact ratio.</summary>
public sealed record GroupImpact
{
    /// <summary>The group: sensitive feature name → value.</summary>
    public required IReadOnlyDictionary<string, string?> Group { get; init; }

    /// <summary>Selection rate of the group over that of the reference group; null when either is undefined or the reference's is 0.</summary>
    public required double? Ratio { get; init; }

    /// <summary>True when the ratio is below the threshold; null when the ratio is undefined.</summary>
    public required bool? BelowThreshold { get; init; }

    /// <summary>Bootstrap confidence interval of the ratio (same reference group in every resample), or null.</summary>
    public ConfidenceInterval? Interval { get; init; }
}
