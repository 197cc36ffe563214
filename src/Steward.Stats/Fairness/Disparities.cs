namespace Steward.Stats.Fairness;

/// <summary>
/// How far apart the groups are, as Fairlearn defines it (<see cref="DisparityMethod"/> says between
/// what). Each value is null when it is undefined: no group has the rate defined, or a ratio's
/// denominator is 0 (every group's rate is 0).
/// </summary>
public sealed record Disparities
{
    /// <summary>Fairlearn's <c>demographic_parity_difference</c>: spread of the selection rates (0 = equal).</summary>
    public required double? DemographicParityDifference { get; init; }

    /// <summary>Fairlearn's <c>demographic_parity_ratio</c>: smallest over largest selection rate (1 = equal).</summary>
    public required double? DemographicParityRatio { get; init; }

    /// <summary>
    /// Fairlearn's <c>equalized_odds_difference</c> (<c>agg="worst_case"</c>): the larger of the true and
    /// false positive rate differences; null if either is undefined.
    /// </summary>
    public required double? EqualizedOddsDifference { get; init; }

    /// <summary>Fairlearn's <c>equalized_odds_ratio</c>: the smaller of the true and false positive rate ratios; null if either is undefined.</summary>
    public required double? EqualizedOddsRatio { get; init; }

    /// <summary>Fairlearn's <c>equal_opportunity_difference</c>: spread of the true positive rates.</summary>
    public required double? EqualOpportunityDifference { get; init; }

    /// <summary>Fairlearn's <c>equal_opportunity_ratio</c>: smallest over largest true positive rate.</summary>
    public required double? EqualOpportunityRatio { get; init; }

    /// <summary>Each group's selection rate relative to a reference group, and the four-fifths rule.</summary>
    public required DisparateImpact DisparateImpact { get; init; }

    /// <summary>Bootstrap confidence intervals of these values, or null without a bootstrap.</summary>
    public DisparityIntervals? Intervals { get; init; }
}
