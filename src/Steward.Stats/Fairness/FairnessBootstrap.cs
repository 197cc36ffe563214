using MathNet.Numerics.Statistics;
using Steward.Stats.Classification;

namespace Steward.Stats.Fairness;

/// <summary>
/// Percentile bootstrap of every fairness statistic, resampling the contingency table instead of
/// the rows.
/// </summary>
/// <remarks>
/// Every statistic depends on the rows only through the counts per (group, label, prediction) cell.
/// Drawing N rows with replacement from N rows and counting them gives counts distributed
/// Multinomial(N; n₁/N, …, n_K/N) — exactly, not approximately — so each resample is one multinomial
/// draw over the K non-empty cells (as successive conditional binomials): cost O(K) per resample
/// instead of O(N). Like Fairlearn's bootstrap the whole table is resampled at once, so group
/// sizes vary between resamples; a group that draws no row, or a rate whose denominator is 0 in a
/// resample, is left out of that resample's statistics (undefined, skipped as numpy's nanquantile
/// skips NaN). Resample r uses random stream r of the seed, so the result does not depend on how
/// many threads ran.
/// </remarks>
internal static class FairnessBootstrap
{
    /// <summary>Intervals for each statistic of <paramref name="statistics"/>, or null where a statistic was never defined.</summary>
    public static ConfidenceInterval?[] Run(ReadOnlySpan<ConfusionCounts> groups, FairnessStatistics statistics, BootstrapOptions options) =>
        Intervals(Resample(groups, statistics, options), options.Resamples, statistics.Length, options.Confidence);

    /// <summary>Every statistic of every resample: resample r's statistics at <c>[r * statistics.Length ...]</c>.</summary>
    internal static double[] Resample(ReadOnlySpan<ConfusionCounts> groups, FairnessStatistics statistics, BootstrapOptions options)
    {
        var resamples = options.Resamples;
        var width = statistics.Length;
        if ((long)resamples * width > FairnessLimits.MaxBootstrapValues)
            throw new ArgumentException(
                $"{resamples:N0} bootstrap resamples of {width:N0} statistics are more than {FairnessLimits.MaxBootstrapValues:N0} values; use fewer resamples or fewer groups",
                nameof(options));

        // Cells with rows, flattened as group * 4 + (TP, FP, TN, FN).
        var cellIndex = new List<int>();
        var cellCount = new List<long>();
        for (var g = 0; g < groups.Length; g++)
        {
            ReadOnlySpan<long> cells = [groups[g].TruePositives, groups[g].FalsePositives, groups[g].TrueNegatives, groups[g].FalseNegatives];
            for (var c = 0; c < 4; c++)
            {
                if (cells[c] > 0)
                {
                    cellIndex.Add(g * 4 + c);
                    cellCount.Add(cells[c]);
                }
            }
        }
        var index = cellIndex.ToArray();
        var counts = cellCount.ToArray();
        var total = counts.Sum();
        var groupCount = groups.Length;

        var values = new double[(long)resamples * width];
        Parallel.For(0, resamples,
            () => (Drawn: new long[index.Length], Cells: new long[groupCount * 4], Groups: new ConfusionCounts[groupCount]),
            (r, _, scratch) =>
            {
                var random = new Xoshiro256(options.Seed, r);
                Multinomial(ref random, total, counts, scratch.Drawn);
                Array.Clear(scratch.Cells);
                for (var k = 0; k < index.Length; k++)
                    scratch.Cells[index[k]] = scratch.Drawn[k];
                for (var g = 0; g < groupCount; g++)
                    scratch.Groups[g] = new ConfusionCounts(scratch.Cells[g * 4], scratch.Cells[g * 4 + 1], scratch.Cells[g * 4 + 2], scratch.Cells[g * 4 + 3]);
                statistics.Compute(scratch.Groups, values.AsSpan(r * width, width));
                return scratch;
            },
            _ => { });
        return values;
    }

    /// <summary>
    /// Draws <paramref name="total"/> items over cells with probabilities weights/total: cell k gets
    /// Binomial(items left, weight_k / weight left).
    /// </summary>
    internal static void Multinomial(ref Xoshiro256 random, long total, ReadOnlySpan<long> weights, Span<long> drawn)
    {
        var itemsLeft = total;
        var weightLeft = total;
        for (var k = 0; k < weights.Length - 1; k++)
        {
            drawn[k] = itemsLeft == 0 ? 0 : BinomialSampler.Sample(ref random, itemsLeft, (double)weights[k] / weightLeft);
            itemsLeft -= drawn[k];
            weightLeft -= weights[k];
        }
        if (weights.Length > 0)
            drawn[^1] = itemsLeft;
    }

    private static ConfidenceInterval?[] Intervals(double[] values, int resamples, int width, double confidence)
    {
        var lowerQ = (1 - confidence) / 2;
        var upperQ = (1 + confidence) / 2;
        var intervals = new ConfidenceInterval?[width];
        Parallel.For(0, width, () => new double[resamples], (s, _, column) =>
        {
            var defined = 0;
            for (var r = 0; r < resamples; r++)
            {
                var value = values[(long)r * width + s];
                if (!double.IsNaN(value))
                    column[defined++] = value;
            }
            if (defined > 0)
            {
                var sorted = defined == column.Length ? column : column[..defined];
                Array.Sort(sorted);
                intervals[s] = new ConfidenceInterval(Quantile(sorted, lowerQ), Quantile(sorted, upperQ));
            }
            return column;
        }, _ => { });
        return intervals;
    }

    /// <summary>The <paramref name="q"/>-quantile of sorted values as numpy's default (linear, Hyndman and Fan's type 7).</summary>
    internal static double Quantile(double[] sorted, double q) =>
        SortedArrayStatistics.QuantileCustom(sorted, q, QuantileDefinition.R7);
}
