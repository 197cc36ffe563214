namespace Steward.Stats.Drift.Distances;

/// <summary>
/// Jensen–Shannon distance as <c>scipy.spatial.distance.jensenshannon(p, q)</c> with its default
/// natural logarithm: both vectors normalized to sum 1, m = (p + q)/2, and
/// √((KL(p‖m) + KL(q‖m)) / 2). It lies between 0 (same shares) and √ln 2 ≈ 0.8326 (disjoint support).
/// Empty bins need no smoothing: 0·log 0 counts as 0.
/// </summary>
public static class JensenShannonDistance
{
    /// <summary>The distance between two non-negative vectors of equal length, each with a positive sum.</summary>
    public static double Compute(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length)
            throw new ArgumentException("both samples need the same bins");
        var pSum = Sum(p);
        var qSum = Sum(q);
        if (!(pSum > 0 && qSum > 0))
            throw new ArgumentException("a sample with no values has no shares");
        double left = 0, right = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var pi = p[i] / pSum;
            var qi = q[i] / qSum;
            var m = (pi + qi) / 2.0;
            left += RelativeEntropy(pi, m);
            right += RelativeEntropy(qi, m);
        }
        // Rounding can leave a hair below zero for identical inputs.
        return Math.Sqrt(Math.Max((left + right) / 2.0, 0.0));
    }

    // scipy.special.rel_entr: x·log(x/y), 0 when x = 0.
    private static double RelativeEntropy(double x, double y) => x > 0 ? x * Math.Log(x / y) : 0.0;

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum;
    }
}
