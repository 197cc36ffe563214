using Steward.Stats.Classification;

namespace Steward.Stats.Fairness;

/// <summary>
/// Every statistic of an audit computed from per-group counts into one flat vector, so the point
/// estimate and each bootstrap resample go through the same code. Undefined values are NaN and are
/// skipped by every maximum, minimum and percentile (as pandas skips NaN in Fairlearn).
/// </summary>
/// <remarks>
/// Layout for G groups: <c>[g * 7 + r]</c> the rates of group g (order of <see cref="ClassificationRates"/>'s indexer);
/// then the disparities at <see cref="DisparityOffset"/> (order of <see cref="Disparity"/>); then the
/// disparate-impact ratio of each group at <see cref="ImpactOffset"/>.
/// </remarks>
internal sealed class FairnessStatistics(int groupCount, DisparityMethod method, int referenceGroup)
{
    public enum Disparity
    {
        DemographicParityDifference,
        DemographicParityRatio,
        EqualizedOddsDifference,
        EqualizedOddsRatio,
        EqualOpportunityDifference,
        EqualOpportunityRatio,
        DisparateImpactMinimumRatio,
    }

    public const int DisparityCount = 7;

    public int GroupCount { get; } = groupCount;

    public int DisparityOffset => GroupCount * ClassificationRates.IndexedCount;

    public int ImpactOffset => DisparityOffset + DisparityCount;

    public int Length => ImpactOffset + GroupCount;

    /// <summary>Fills <paramref name="output"/> (of <see cref="Length"/>) from the counts of each group.</summary>
    public void Compute(ReadOnlySpan<ConfusionCounts> groups, Span<double> output)
    {
        var overallCounts = default(ConfusionCounts);
        foreach (var g in groups)
            overallCounts += g;
        var overall = ClassificationRates.Of(overallCounts, ZeroDivision.Undefined);

        for (var g = 0; g < GroupCount; g++)
        {
            var rates = ClassificationRates.Of(groups[g], ZeroDivision.Undefined);
            for (var r = 0; r < ClassificationRates.IndexedCount; r++)
                output[g * ClassificationRates.IndexedCount + r] = rates[r];
        }

        var rateValues = output[..DisparityOffset];
        var sel = Difference(rateValues, 0, overall.SelectionRate);
        var tpr = Difference(rateValues, 1, overall.TruePositiveRate);
        var fpr = Difference(rateValues, 2, overall.FalsePositiveRate);
        var selRatio = Ratio(rateValues, 0, overall.SelectionRate);
        var tprRatio = Ratio(rateValues, 1, overall.TruePositiveRate);
        var fprRatio = Ratio(rateValues, 2, overall.FalsePositiveRate);

        var d = output.Slice(DisparityOffset, DisparityCount);
        d[(int)Disparity.DemographicParityDifference] = sel;
        d[(int)Disparity.DemographicParityRatio] = selRatio;
        // Worst case of the two, as Fairlearn's default agg; undefined if either rate is undefined everywhere.
        d[(int)Disparity.EqualizedOddsDifference] = double.IsNaN(tpr) || double.IsNaN(fpr) ? double.NaN : Math.Max(tpr, fpr);
        d[(int)Disparity.EqualizedOddsRatio] = double.IsNaN(tprRatio) || double.IsNaN(fprRatio) ? double.NaN : Math.Min(tprRatio, fprRatio);
        d[(int)Disparity.EqualOpportunityDifference] = tpr;
        d[(int)Disparity.EqualOpportunityRatio] = tprRatio;

        var impact = output.Slice(ImpactOffset, GroupCount);
        var reference = rateValues[referenceGroup * ClassificationRates.IndexedCount];
        var minimum = double.NaN;
        for (var g = 0; g < GroupCount; g++)
        {
            // A reference rate of 0 makes every ratio undefined (0/0 or x/0), not infinite.
            var ratio = reference > 0 ? rateValues[g * ClassificationRates.IndexedCount] / reference : double.NaN;
            impact[g] = ratio;
            if (!double.IsNaN(ratio) && !(ratio >= minimum))
                minimum = ratio;
        }
        d[(int)Disparity.DisparateImpactMinimumRatio] = minimum;
    }

    private double Difference(ReadOnlySpan<double> rates, int rate, double overall)
    {
        if (method == DisparityMethod.BetweenGroups)
        {
            var (min, max) = MinMax(rates, rate);
            return max - min;
        }

        var largest = double.NaN;
        for (var g = 0; g < GroupCount; g++)
        {
            var gap = Math.Abs(rates[g * ClassificationRates.IndexedCount + rate] - overall);
            if (!double.IsNaN(gap) && !(gap <= largest))
                largest = gap;
        }
        return largest;
    }

    private double Ratio(ReadOnlySpan<double> rates, int rate, double overall)
    {
        if (method == DisparityMethod.BetweenGroups)
        {
            var (min, max) = MinMax(rates, rate);
            return min / max; // 0/0 = NaN when every group's rate is 0
        }

        var smallest = double.NaN;
        for (var g = 0; g < GroupCount; g++)
        {
            var ratio = rates[g * ClassificationRates.IndexedCount + rate] / overall;
            if (ratio > 1)
                ratio = 1 / ratio;
            if (!double.IsNaN(ratio) && !(ratio >= smallest))
                smallest = ratio;
        }
        return smallest;
    }

    private (double Min, double Max) MinMax(ReadOnlySpan<double> rates, int rate)
    {
        double min = double.NaN, max = double.NaN;
        for (var g = 0; g < GroupCount; g++)
        {
            var value = rates[g * ClassificationRates.IndexedCount + rate];
            if (double.IsNaN(value))
                continue;
            if (!(value >= min))
                min = value;
            if (!(value <= max))
                max = value;
        }
        return (min, max);
    }
}
