namespace Steward.Stats.Fairness;

/// <summary>What a fairness audit computes beyond the per-group rates.</summary>
public sealed record FairnessOptions
{
    /// <summary>Between groups (Fairlearn's default) or each group to the overall value.</summary>
    public DisparityMethod Method { get; init; } = DisparityMethod.BetweenGroups;

    /// <summary>
    /// The disparate-impact reference group, one value per sensitive feature (null for "missing"),
    /// or null for the group with the highest selection rate.
    /// </summary>
    public IReadOnlyList<string?>? ReferenceGroup { get; init; }

    /// <summary>Disparate-impact ratios below this fail the rule; 0.8 is the four-fifths rule.</summary>
    public double DisparateImpactThreshold { get; init; } = 0.8;

    /// <summary>Percentile bootstrap intervals (1,000 resamples, 95 %, seed 0 by default), or null for none.</summary>
    public BootstrapOptions? Bootstrap { get; init; } = new();
}
