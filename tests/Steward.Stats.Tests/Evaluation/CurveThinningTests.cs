using Steward.Stats.Evaluation;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>Long curves are shortened for reports without changing their drawn shape; short ones are kept whole.</summary>
public sealed class CurveThinningTests
{
    [Fact]
    public void A_curve_within_the_limit_is_kept_whole()
    {
        var curve = Enumerable.Range(0, 10).Select(i => (i / 10.0, i / 10.0)).ToList();
        var (points, thinned) = CurveThinning.Thin(curve, 10, p => p);
        Assert.Equal(curve, points);
        Assert.False(thinned);
    }

    [Fact]
    public void A_long_roc_curve_keeps_its_ends_and_stays_within_one_step_of_the_original()
    {
        var random = new Random(11);
        var labels = Enumerable.Range(0, 200_000).Select(_ => random.NextDouble() < 0.4).ToArray();
        var scores = labels.Select(l => Math.Clamp((l ? 0.6 : 0.4) + random.NextDouble() * 0.5 - 0.25, 0, 1)).ToArray();
        var full = RocCurve.Points(ThresholdCurve.Compute(labels, scores))!;

        var (thin, thinned) = CurveThinning.Thin(full, 500, p => (p.FalsePositiveRate, p.TruePositiveRate));

        Assert.True(full.Count > 5000, $"the test curve should be long; it has {full.Count} points");
        Assert.True(thinned);
        Assert.InRange(thin.Count, 2, 1000);
        Assert.Equal(full[0], thin[0]);
        Assert.Equal(full[^1], thin[^1]);
        // Every dropped point lies within one step (1/500) of the kept point before it, in both coordinates.
        var kept = thin.ToHashSet();
        var last = full[0];
        foreach (var point in full)
        {
            if (kept.Contains(point))
            {
                last = point;
                continue;
            }

            Assert.True(Math.Abs(point.FalsePositiveRate - last.FalsePositiveRate) < 1.0 / 500, "a dropped point is a step away in x");
            Assert.True(Math.Abs(point.TruePositiveRate - last.TruePositiveRate) < 1.0 / 500, "a dropped point is a step away in y");
        }
    }

    [Fact]
    public void A_report_says_when_its_curves_were_thinned()
    {
        var random = new Random(5);
        var labels = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble() < 0.5).ToArray();
        var scores = labels.Select(_ => random.NextDouble()).ToArray();
        Assert.True(BinaryEvaluation.Evaluate(labels, scores, new BinaryEvaluationOptions { MaxCurvePoints = 100 }).CurvesThinned);
        Assert.False(BinaryEvaluation.Evaluate([true, false], [0.6, 0.4]).CurvesThinned);
    }
}
