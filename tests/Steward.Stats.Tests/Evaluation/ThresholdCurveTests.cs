using Steward.Stats.Evaluation;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>The one sort every binary metric rests on: distinct scores, highest first, with cumulative counts.</summary>
public sealed class ThresholdCurveTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 5_000)]
    [InlineData(3, 250_000)] // large enough to sort the two classes in parallel
    public void Counts_at_every_distinct_score_equal_a_comparison_sort(int seed, int rows)
    {
        var random = new Random(seed);
        var labels = new bool[rows];
        var scores = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            // Negative and positive scores, exponents far apart, and many ties.
            scores[i] = (random.Next(4)) switch
            {
                0 => Math.Round(random.NextDouble(), 2),
                1 => -random.NextDouble() * 1e6,
                2 => random.NextDouble() * 1e-200,
                _ => random.Next(-3, 4),
            };
        }

        var curve = ThresholdCurve.Compute(labels, scores);

        var expected = scores.Zip(labels).GroupBy(p => p.First).OrderByDescending(g => g.Key).ToList();
        Assert.Equal(expected.Select(g => g.Key), curve.Thresholds.ToArray());
        int tp = 0, fp = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            tp += expected[i].Count(p => p.Second);
            fp += expected[i].Count(p => !p.Second);
            Assert.Equal(tp, curve.TruePositives[i]);
            Assert.Equal(fp, curve.FalsePositives[i]);
        }
    }

    [Fact]
    public void Confusion_at_a_threshold_counts_scores_at_or_above_it()
    {
        var curve = ThresholdCurve.Compute([true, false, true, false, true], [0.9, 0.7, 0.5, 0.3, 0.1]);
        Assert.Equal(new Classification.ConfusionCounts(2, 1, 1, 1), curve.ConfusionAt(0.5));
        Assert.Equal(new Classification.ConfusionCounts(0, 0, 2, 3), curve.ConfusionAt(0.95));
        Assert.Equal(new Classification.ConfusionCounts(3, 2, 0, 0), curve.ConfusionAt(-1));
    }

    [Fact]
    public void A_large_report_computed_in_parallel_equals_its_parts_computed_one_by_one()
    {
        var random = new Random(9);
        var labels = Enumerable.Range(0, 300_000).Select(_ => random.NextDouble() < 0.2).ToArray();
        var scores = labels.Select(l => Math.Clamp((l ? 0.6 : 0.4) + random.NextDouble() - 0.5, 0, 1)).ToArray();
        using var curve = ThresholdCurve.Compute(labels, scores);

        var report = BinaryEvaluation.Report(curve, new BinaryEvaluationOptions());

        Assert.Equal(RocCurve.Area(curve), report.Metrics.RocAuc);
        Assert.Equal(PrecisionRecallCurve.AveragePrecision(curve), report.Metrics.AveragePrecision);
        Assert.Equal(ProbabilityLosses.LogLoss(curve), report.Metrics.LogLoss);
        Assert.Equal(ProbabilityLosses.BrierScore(curve), report.Metrics.BrierScore);
        Assert.Equal(CalibrationCurve.Bins(curve, 10, CalibrationStrategy.Uniform), report.CalibrationCurve!.Points);
        Assert.True(report.CurvesThinned);
    }
}
