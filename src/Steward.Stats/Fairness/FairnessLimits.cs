namespace Steward.Stats.Fairness;

/// <summary>The bounds a fairness audit enforces, in one place so that every entry point refuses the same inputs.</summary>
public static class FairnessLimits
{
    /// <summary>
    /// Most groups (intersections included) an audit reports. A sensitive "feature" with more values
    /// than this is almost always an identifier passed by mistake.
    /// </summary>
    public const int MaxGroups = 10_000;

    /// <summary>Most bootstrap resamples.</summary>
    public const int MaxBootstrapResamples = 100_000;

    /// <summary>
    /// Most bootstrap values kept for the percentiles (resamples × statistics per resample); about
    /// 400 MB of doubles. The percentiles are exact, so every value is kept.
    /// </summary>
    public const long MaxBootstrapValues = 50_000_000;
}
