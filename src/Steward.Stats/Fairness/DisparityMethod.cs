namespace Steward.Stats.Fairness;

/// <summary>How a difference or ratio summarises a rate across groups (Fairlearn's <c>method</c>).</summary>
public enum DisparityMethod
{
    /// <summary>
    /// Fairlearn's <c>between_groups</c>, the default: difference = largest − smallest group value;
    /// ratio = smallest / largest.
    /// </summary>
    BetweenGroups,

    /// <summary>
    /// Fairlearn's <c>to_overall</c>: difference = the largest |group − overall|; ratio = the smallest of
    /// group / overall, each taken as its reciprocal when above 1.
    /// </summary>
    ToOverall,
}
