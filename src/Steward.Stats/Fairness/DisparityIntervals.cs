namespace Steward.Stats.Fairness;

/// <summary>Bootstrap confidence intervals of the disparities; null where the value was undefined in every resample.</summary>
public sealed record DisparityIntervals
{
    /// <summary>Interval of <see cref="Disparities.DemographicParityDifference"/>.</summary>
    public ConfidenceInterval? DemographicParityDifference { get; init; }

    /// <summary>Interval of <see cref="Disparities.DemographicParityRatio"/>.</summary>
    public ConfidenceInterval? DemographicParityRatio { get; init; }

    /// <summary>Interval of <see cref="Disparities.EqualizedOddsDifference"/>.</summary>
    public ConfidenceInterval? EqualizedOddsDifference { get; init; }

    /// <summary>Interval of <see cref="Disparities.EqualizedOddsRatio"/>.</summary>
    public ConfidenceInterval? EqualizedOddsRatio { get; init; }

    /// <summary>Interval of <see cref="Disparities.EqualOpportunityDifference"/>.</summary>
    public ConfidenceInterval? EqualOpportunityDifference { get; init; }

    /// <summary>Interval of <see cref="Disparities.EqualOpportunityRatio"/>.</summary>
    public ConfidenceInterval? EqualOpportunityRatio { get; init; }

    /// <summary>Interval of <see cref="DisparateImpact.MinimumRatio"/> (ratios to the same reference group in every resample).</summary>
    public ConfidenceInterval? DisparateImpactMinimumRatio { get; init; }
}
