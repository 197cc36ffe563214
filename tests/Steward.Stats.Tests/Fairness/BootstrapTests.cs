using Steward.Stats.Classification;
using Steward.Stats.Fairness;

namespace Steward.Stats.Tests.Fairness;

/// <summary>The bootstrap resamples the contingency table; it must behave like resampling the rows.</summary>
public sealed class BootstrapTests
{
    private static readonly FairnessTable Compas = FairnessTestData.Table(["race"], FairnessReference.CompasByRace);
    private const int AfricanAmerican = 0;

    [Fact]
    public void The_same_seed_gives_the_same_intervals()
    {
        var options = new FairnessOptions { Bootstrap = new BootstrapOptions(500, 0.9, Seed: 11) };
        var first = FairnessJson.Serialize(FairnessAudit.Run(Compas, options));
        var second = FairnessJson.Serialize(FairnessAudit.Run(Compas, options));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_other_intervals()
    {
        var a = FairnessAudit.Run(Compas, new FairnessOptions { Bootstrap = new BootstrapOptions(500, Seed: 1) });
        var b = FairnessAudit.Run(Compas, new FairnessOptions { Bootstrap = new BootstrapOptions(500, Seed: 2) });
        Assert.NotEqual(a.Disparities.Intervals!.DemographicParityDifference, b.Disparities.Intervals!.DemographicParityDifference);
    }

    [Fact]
    public void Resampling_the_table_matches_resampling_the_rows_in_mean_and_spread()
    {
        // Naive bootstrap: draw 7,214 rows with replacement, count them, compute the statistics.
        var counts = Compas.Groups.Select(g => g.Counts).ToArray();
        var rows = new List<(int Group, int Cell)>();
        for (var g = 0; g < counts.Length; g++)
        {
            var c = counts[g];
            long[] cells = [c.TruePositives, c.FalsePositives, c.TrueNegatives, c.FalseNegatives];
            for (var cell = 0; cell < 4; cell++)
                rows.AddRange(Enumerable.Repeat((g, cell), (int)cells[cell]));
        }

        const int Resamples = 2000;
        var statistics = new FairnessStatistics(counts.Length, DisparityMethod.BetweenGroups, referenceGroup: 4);
        var random = new Random(5);
        var naive = new double[Resamples * statistics.Length];
        for (var r = 0; r < Resamples; r++)
        {
            var cells = new long[counts.Length * 4];
            for (var i = 0; i < rows.Count; i++)
            {
                var (group, cell) = rows[random.Next(rows.Count)];
                cells[group * 4 + cell]++;
            }
            var resampled = Enumerable.Range(0, counts.Length)
                .Select(g => new ConfusionCounts(cells[g * 4], cells[g * 4 + 1], cells[g * 4 + 2], cells[g * 4 + 3])).ToArray();
            statistics.Compute(resampled, naive.AsSpan(r * statistics.Length, statistics.Length));
        }
        var multinomial = FairnessBootstrap.Resample(counts, statistics, new BootstrapOptions(Resamples, Seed: 3));

        int[] checkedStatistics =
        [
            statistics.DisparityOffset + (int)FairnessStatistics.Disparity.DemographicParityDifference,
            statistics.DisparityOffset + (int)FairnessStatistics.Disparity.EqualizedOddsDifference,
            AfricanAmerican * 7 + 2, // FPR of African-American defendants
            statistics.ImpactOffset + 2, // Caucasian impact ratio to Native American
        ];
        foreach (var s in checkedStatistics)
        {
            var (naiveMean, naiveSd) = MeanSd(naive, s, statistics.Length);
            var (mean, sd) = MeanSd(multinomial, s, statistics.Length);
            var standardError = Math.Sqrt(2.0 / Resamples) * naiveSd;
            Assert.True(Math.Abs(mean - naiveMean) < 4 * standardError, $"statistic {s}: mean {mean} vs naive {naiveMean}");
            Assert.InRange(sd / naiveSd, 0.9, 1.1);
        }
    }

    [Fact]
    public void A_rate_interval_has_the_width_the_binomial_standard_error_predicts()
    {
        var report = FairnessAudit.Run(Compas, new FairnessOptions { Bootstrap = new BootstrapOptions(4000, 0.95, Seed: 9) });
        var group = report.Groups[AfricanAmerican];
        var p = group.FalsePositiveRate!.Value;
        var n = group.FalsePositives + group.TrueNegatives;
        var expectedWidth = 2 * 1.959964 * Math.Sqrt(p * (1 - p) / n);
        var interval = group.Intervals!.FalsePositiveRate!;
        Assert.InRange((interval.Upper - interval.Lower) / expectedWidth, 0.9, 1.1);
        Assert.InRange(p, interval.Lower, interval.Upper);
    }

    [Fact]
    public void Interval_ends_interpolate_as_numpy_quantile_does()
    {
        var sorted = FairnessReference.QuantileValues.Order().ToArray();
        foreach (var (q, expected) in FairnessReference.Quantiles)
            Assert.Equal(expected, FairnessBootstrap.Quantile(sorted, q), 1e-12);
    }

    [Fact]
    public void Too_many_resamples_for_the_number_of_groups_are_refused()
    {
        var groups = Enumerable.Range(0, 5000).Select(i => new GroupCounts([$"g{i}"], new ConfusionCounts(1, 1, 1, 1)));
        var table = FairnessTable.Create(["id"], groups);
        var error = Assert.Throws<ArgumentException>(() => FairnessAudit.Run(table, new FairnessOptions { Bootstrap = new BootstrapOptions(100_000) }));
        Assert.Contains("fewer resamples", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void A_confidence_level_outside_zero_to_one_is_refused(double confidence)
    {
        var error = Assert.Throws<ArgumentException>(() => FairnessAudit.Run(Compas, new FairnessOptions { Bootstrap = new BootstrapOptions(10, confidence) }));
        Assert.Contains("confidence level", error.Message);
    }

    private static (double Mean, double Sd) MeanSd(double[] values, int statistic, int width)
    {
        var column = Enumerable.Range(0, values.Length / width).Select(r => values[r * width + statistic]).Where(v => !double.IsNaN(v)).ToArray();
        var mean = column.Average();
        return (mean, Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / (column.Length - 1)));
    }
}
