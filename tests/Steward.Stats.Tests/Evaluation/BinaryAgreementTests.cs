using Steward.Stats.Evaluation;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>
/// Binary metrics agree with scikit-learn 1.2.1 to 1e-9 on the seeded data sets. Every expected value
/// below is printed by <c>tests/Steward.Stats.Tests/Reference/evaluation_reference.py</c> (run with
/// /usr/bin/python3), from the CSV files it writes beside itself; the name after each value is the
/// line of its output.
/// </summary>
public sealed class BinaryAgreementTests
{
    [Fact]
    public void Threshold_metrics_match_sklearn_on_the_5000_row_set()
    {
        var report = Evaluate("binary.csv");
        Assert.Equal(5000, report.Rows);
        Assert.Equal(2483, report.Positives);                                        // binary.positives
        Tolerance.Equal(0.777, report.Metrics.Accuracy, "accuracy");                 // binary.accuracy
        Tolerance.Equal(0.8241706161137441, report.Metrics.Precision, "precision");  // binary.precision
        Tolerance.Equal(0.7003624647603706, report.Metrics.Recall, "recall");        // binary.recall
        Tolerance.Equal(0.757239277160897, report.Metrics.F1, "f1");                 // binary.f1
        Assert.Equal(new BinaryConfusionMatrix(1739, 371, 2146, 744), report.ConfusionMatrix); // binary.confusion[tp,fp,tn,fn]
    }

    [Fact]
    public void Ranking_metrics_match_sklearn_on_the_5000_row_set_with_tied_scores()
    {
        var metrics = Evaluate("binary.csv").Metrics;
        Tolerance.Equal(0.8600624892895048, metrics.RocAuc, "rocAuc");                     // binary.roc_auc
        Tolerance.Equal(0.8573056344812675, metrics.AveragePrecision, "averagePrecision"); // binary.average_precision
    }

    [Fact]
    public void Probability_losses_match_sklearn_including_scores_of_exactly_0_and_1()
    {
        var metrics = Evaluate("binary.csv").Metrics;
        Tolerance.Equal(0.5188011082803204, metrics.LogLoss, "logLoss");   // binary.log_loss
        Tolerance.Equal(0.156455358, metrics.BrierScore, "brierScore");    // binary.brier
    }

    [Fact]
    public void A_lower_threshold_moves_the_threshold_metrics_as_in_sklearn()
    {
        var report = Evaluate("binary.csv", new BinaryEvaluationOptions { Threshold = 0.3 });
        // binary.at_0.3[accuracy,precision,recall,f1]
        Tolerance.Equal(0.7636, report.Metrics.Accuracy, "accuracy");
        Tolerance.Equal(0.7114072148196295, report.Metrics.Precision, "precision");
        Tolerance.Equal(0.8815948449456303, report.Metrics.Recall, "recall");
        Tolerance.Equal(0.7874100719424462, report.Metrics.F1, "f1");
    }

    [Fact]
    public void Roc_curve_has_sklearns_points_after_dropping_intermediate_ones()
    {
        var (labels, scores) = ReferenceData.Binary("binary.csv");
        var points = RocCurve.Points(ThresholdCurve.Compute(labels, scores))!;
        Assert.Equal(904, points.Count);                                               // binary.roc_curve.length
        // binary.roc_curve.points[0,1,10,-1]
        Assert.Equal(new RocPoint(0, 0, 2.0), points[0]);
        AssertPoint(0.0007945967421533572, 0.0016109544905356424, 1.0, points[1]);
        AssertPoint(0.0007945967421533572, 0.008054772452678213, 0.976, points[10]);
        AssertPoint(1, 1, 0, points[^1]);
    }

    [Fact]
    public void Precision_recall_curve_has_a_point_per_distinct_score_and_ends_at_precision_1()
    {
        var (labels, scores) = ReferenceData.Binary("binary.csv");
        var points = PrecisionRecallCurve.Points(ThresholdCurve.Compute(labels, scores));
        Assert.Equal(971, points.Count);                                               // binary.pr_curve.length
        // binary.pr_curve.points[0,100,-2,-1]
        Tolerance.Equal([0.4966, 1.0], [points[0].Precision, points[0].Recall], "point 0");
        Tolerance.Equal([0.5586617781851513, 0.981876761981474], [points[100].Precision, points[100].Recall], "point 100");
        Tolerance.Equal([0.6666666666666666, 0.0016109544905356424], [points[^2].Precision, points[^2].Recall], "point -2");
        Assert.Equal(new PrecisionRecallPoint(1, 0, null), points[^1]);
    }

    [Fact]
    public void Telco_churn_with_a_logistic_score_matches_sklearn()
    {
        var (labels, scores) = ReferenceData.Binary("telco_scored.csv", labelColumn: 2, scoreColumn: 3, positive: "Yes");
        var report = BinaryEvaluation.Evaluate(labels, scores);
        Assert.Equal(7043, report.Rows);                                                         // telco.rows
        Assert.Equal(1869, report.Positives);                                                    // telco.positives
        Tolerance.Equal(0.7374698281982109, report.Metrics.Accuracy, "accuracy");                // telco.accuracy
        Tolerance.Equal(0.8125, report.Metrics.Precision, "precision");                          // telco.precision
        Tolerance.Equal(0.013911182450508293, report.Metrics.Recall, "recall");                  // telco.recall
        Tolerance.Equal(0.02735402419779064, report.Metrics.F1, "f1");                           // telco.f1
        Assert.Equal(new BinaryConfusionMatrix(26, 6, 5168, 1843), report.ConfusionMatrix);     // telco.confusion[tp,fp,tn,fn]
        Tolerance.Equal(0.796385619913371, report.Metrics.RocAuc, "rocAuc");                     // telco.roc_auc
        Tolerance.Equal(0.5965951022347908, report.Metrics.AveragePrecision, "averagePrecision"); // telco.average_precision
        Tolerance.Equal(0.5326821423715505, report.Metrics.LogLoss, "logLoss");                  // telco.log_loss
        Tolerance.Equal(0.17230684319040185, report.Metrics.BrierScore, "brierScore");           // telco.brier
    }

    [Fact]
    public void Telco_curves_have_sklearns_lengths()
    {
        var (labels, scores) = ReferenceData.Binary("telco_scored.csv", labelColumn: 2, scoreColumn: 3, positive: "Yes");
        var curve = ThresholdCurve.Compute(labels, scores);
        Assert.Equal(2144, RocCurve.Points(curve)!.Count);                  // telco.roc_curve.length
        Assert.Equal(2525, PrecisionRecallCurve.Points(curve).Count);       // telco.pr_curve.length
    }

    private static BinaryEvaluationReport Evaluate(string file, BinaryEvaluationOptions? options = null)
    {
        var (labels, scores) = ReferenceData.Binary(file);
        return BinaryEvaluation.Evaluate(labels, scores, options);
    }

    private static void AssertPoint(double fpr, double tpr, double threshold, RocPoint point)
    {
        Tolerance.Equal(fpr, point.FalsePositiveRate, "fpr");
        Tolerance.Equal(tpr, point.TruePositiveRate, "tpr");
        Assert.Equal(threshold, point.Threshold);
    }
}
