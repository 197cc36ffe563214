namespace Steward.Stats.Fairness;

/// <summary>Quantiles as numpy's default (<c>np.quantile(..., method="linear")</c>, Hyndman and Fan's type 7).</summary>
internal static class Percentile
{
    /// <summary>The <paramref name="q"/>-quantile of <paramref name="sorted"/> (ascending, no NaN, not empty).</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1)
            return sorted[^1];
        var fraction = position - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}
