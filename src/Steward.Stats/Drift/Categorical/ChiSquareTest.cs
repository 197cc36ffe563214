using MathNet.Numerics;

namespace Steward.Stats.Drift.Categorical;

/// <summary>
/// Pearson's chi-square goodness-of-fit of the current counts against counts expected from the
/// reference shares, as Evidently's <c>chisquare</c> stattest calls <c>scipy.stats.chisquare</c>:
/// expected = reference count × (current total / reference total), over the union of categories,
/// k − 1 degrees of freedom. A category absent from the reference expects 0: the statistic is
/// infinite and the p-value 0. A single category leaves no degree of freedom: p-value undefined.
/// </summary>
public static class ChiSquareTest
{
    /// <summary>The statistic (possibly +∞) and p-value (NaN with one category).</summary>
    public static (double Statistic, double PValue) Compute(ReadOnlySpan<long> reference, ReadOnlySpan<long> current)
    {
        if (reference.Length != current.Length)
            throw new ArgumentException("both samples need the same categories");
        long referenceTotal = 0, currentTotal = 0;
        foreach (var r in reference)
            referenceTotal += r;
        foreach (var c in current)
            currentTotal += c;
        if (referenceTotal <= 0 || currentTotal <= 0)
            throw new ArgumentException("a sample with no values cannot be tested");

        var scale = (double)currentTotal / referenceTotal;
        var statistic = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            var expected = reference[i] * scale;
            var difference = current[i] - expected;
            statistic += difference * difference / expected; // +∞ when expected is 0 and observed is not
        }
        var degrees = reference.Length - 1;
        if (degrees < 1)
            return (statistic, double.NaN);
        var p = double.IsPositiveInfinity(statistic) ? 0.0 : SpecialFunctions.GammaUpperRegularized(degrees / 2.0, statistic / 2.0);
        return (statistic, p);
    }
}
