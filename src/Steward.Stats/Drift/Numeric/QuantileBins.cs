namespace Steward.Stats.Drift.Numeric;

/// <summary>
/// Bins cut at the reference's quantiles i/k (i = 1..k−1, numpy's default linear interpolation,
/// Hyndman–Fan 7), duplicates removed, the outer bins open-ended so current values beyond the
/// reference's range still count. A value v falls in bin b when edge[b−1] ≤ v &lt; edge[b]
/// (numpy's <c>searchsorted(edges, v, side='right')</c>).
/// </summary>
internal static class QuantileBins
{
    /// <summary>The distinct interior edges for <paramref name="bins"/> bins of the sorted reference.</summary>
    public static double[] Edges(ReadOnlySpan<double> sortedReference, int bins)
    {
        var edges = new List<double>(bins - 1);
        for (var i = 1; i < bins; i++)
        {
            var edge = Quantile(sortedReference, (double)i / bins);
            if (edges.Count == 0 || edge != edges[^1])
                edges.Add(edge);
        }
        return [.. edges];
    }

    /// <summary>
    /// The q-quantile of sorted values exactly as <c>numpy.quantile(values, q)</c> rounds it. Not MathNet's
    /// R7: same definition, but numpy interpolates from the nearer end, and edges must be numpy's to the bit.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var n = sorted.Length;
        var virtualIndex = (n - 1) * q;
        if (virtualIndex >= n - 1)
            return sorted[n - 1];
        if (virtualIndex < 0)
            return sorted[0];
        var previous = Math.Floor(virtualIndex);
        var gamma = virtualIndex - previous;
        var a = sorted[(int)previous];
        var b = sorted[(int)previous + 1];
        // numpy's _lerp: from the nearer end, so that the result stays within [a, b].
        var difference = b - a;
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma;
    }

    /// <summary>How many of the sorted values fall in each bin (edges.Length + 1 bins).</summary>
    public static long[] Count(ReadOnlySpan<double> sorted, ReadOnlySpan<double> edges)
    {
        var counts = new long[edges.Length + 1];
        var below = 0;
        for (var b = 0; b < edges.Length; b++)
        {
            var next = LowerBound(sorted, edges[b]);
            counts[b] = next - below;
            below = next;
        }
        counts[^1] = sorted.Length - below;
        return counts;
    }

    /// <summary>Number of sorted values strictly below <paramref name="value"/>.</summary>
    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
