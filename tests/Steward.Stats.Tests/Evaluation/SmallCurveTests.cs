using Steward.Stats.Evaluation;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>
/// Whole curves on <c>binary_small.csv</c> (40 rows, scores with one decimal, many ties) agree point by
/// point with scikit-learn 1.2.1. Expected values: <c>Reference/evaluation_reference.py</c>, lines <c>small.*</c>.
/// </summary>
public sealed class SmallCurveTests
{
    private static readonly ThresholdCurve Curve = Load();

    [Fact]
    public void Roc_curve_matches_sklearn_point_by_point()
    {
        var points = RocCurve.Points(Curve)!;
        // small.roc_curve.fpr / tpr / thresholds
        Tolerance.Equal(
            [0.0, 0.0, 0.0, 0.0, 0.058823529411764705, 0.17647058823529413, 0.35294117647058826, 0.47058823529411764, 0.5882352941176471, 0.5882352941176471, 0.7058823529411765, 1.0],
            points.Select(p => p.FalsePositiveRate).ToList(), "fpr");
        Tolerance.Equal(
            [0.0, 0.08695652173913043, 0.17391304347826086, 0.34782608695652173, 0.5652173913043478, 0.782608695652174, 0.8695652173913043, 0.9130434782608695, 0.9130434782608695, 0.9565217391304348, 1.0, 1.0],
            points.Select(p => p.TruePositiveRate).ToList(), "tpr");
        Assert.Equal([2.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0], points.Select(p => p.Threshold));
    }

    [Fact]
    public void Precision_recall_curve_matches_sklearn_point_by_point()
    {
        var points = PrecisionRecallCurve.Points(Curve);
        // small.pr_curve.precision / recall / thresholds
        Tolerance.Equal(
            [0.575, 0.6571428571428571, 0.6875, 0.6774193548387096, 0.7241379310344828, 0.7692307692307693, 0.8571428571428571, 0.9285714285714286, 1.0, 1.0, 1.0, 1.0],
            points.Select(p => p.Precision).ToList(), "precision");
        Tolerance.Equal(
            [1.0, 1.0, 0.9565217391304348, 0.9130434782608695, 0.9130434782608695, 0.8695652173913043, 0.782608695652174, 0.5652173913043478, 0.34782608695652173, 0.17391304347826086, 0.08695652173913043, 0.0],
            points.Select(p => p.Recall).ToList(), "recall");
        Assert.Equal([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, null], points.Select(p => p.Threshold));
    }

    [Fact]
    public void Scalar_metrics_match_sklearn_with_many_ties()
    {
        var report = BinaryEvaluation.Report(Curve, new BinaryEvaluationOptions());
        Assert.Equal(23, report.Positives);                                                      // small.positives
        Tolerance.Equal(0.775, report.Metrics.Accuracy, "accuracy");                             // small.accuracy
        Tolerance.Equal(0.7692307692307693, report.Metrics.Precision, "precision");              // small.precision
        Tolerance.Equal(0.8695652173913043, report.Metrics.Recall, "recall");                    // small.recall
        Tolerance.Equal(0.8163265306122449, report.Metrics.F1, "f1");                            // small.f1
        Assert.Equal(new BinaryConfusionMatrix(20, 6, 11, 3), report.ConfusionMatrix);          // small.confusion[tp,fp,tn,fn]
        Tolerance.Equal(0.8734015345268542, report.Metrics.RocAuc, "rocAuc");                    // small.roc_auc
        Tolerance.Equal(0.8928614676178395, report.Metrics.AveragePrecision, "averagePrecision"); // small.average_precision
        Tolerance.Equal(0.46792810374993704, report.Metrics.LogLoss, "logLoss");                 // small.log_loss
        Tolerance.Equal(0.15550000000000003, report.Metrics.BrierScore, "brierScore");           // small.brier
    }

    private static ThresholdCurve Load()
    {
        var (labels, scores) = ReferenceData.Binary("binary_small.csv");
        return ThresholdCurve.Compute(labels, scores);
    }
}
