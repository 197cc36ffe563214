using Steward.Stats.Evaluation;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>
/// Undefined and by-convention values behave as documented: scikit-learn's zero-division default (0),
/// null where scikit-learn raises. Expected values: <c>Reference/evaluation_reference.py</c>, lines <c>edge.*</c>.
/// </summary>
public sealed class BinaryEdgeCaseTests
{
    [Fact]
    public void Precision_is_0_when_nothing_is_predicted_positive()
    {
        // edge.no_predicted_positive[precision,recall,f1] = [0.0, 0.0, 0.0]
        var report = BinaryEvaluation.Evaluate([true, false, true], [0.1, 0.2, 0.3]);
        Assert.Equal(0, report.Metrics.Precision);
        Assert.Equal(0, report.Metrics.Recall);
        Assert.Equal(0, report.Metrics.F1);
        Assert.Contains(report.Notes, n => n.StartsWith("precision is 0 by convention", StringComparison.Ordinal));
    }

    [Fact]
    public void With_one_class_roc_auc_and_the_roc_curve_are_null_and_a_note_says_why()
    {
        // edge.one_class.roc_auc: scikit-learn raises "Only one class present in y_true".
        var report = BinaryEvaluation.Evaluate([true, true, true], [0.1, 0.5, 0.9]);
        Assert.Null(report.Metrics.RocAuc);
        Assert.Null(report.RocCurve);
        Assert.Contains(report.Notes, n => n.Contains("every row is positive", StringComparison.Ordinal));
    }

    [Fact]
    public void With_no_positive_row_average_precision_and_recall_are_0()
    {
        // edge.no_positive_label.average_precision = -0.0, edge.no_positive_label.recall = 0.0
        var report = BinaryEvaluation.Evaluate([false, false, false], [0.1, 0.5, 0.9]);
        Assert.Equal(0, report.Metrics.AveragePrecision);
        Assert.Equal(0, report.Metrics.Recall);
        Assert.All(report.PrecisionRecallCurve.SkipLast(1), p => Assert.Equal(1.0, p.Recall));
    }

    [Fact]
    public void All_tied_scores_give_an_auc_of_one_half()
    {
        // edge.all_tied.roc_auc = 0.5
        var report = BinaryEvaluation.Evaluate([false, true, false, true], [0.5, 0.5, 0.5, 0.5]);
        Assert.Equal(0.5, report.Metrics.RocAuc);
    }

    [Fact]
    public void Log_loss_clips_certain_wrong_scores_at_machine_epsilon()
    {
        // edge.clipped.log_loss = 24.029102259411435 (eps = 2^-52, scikit-learn 1.2's default)
        var report = BinaryEvaluation.Evaluate([true, false, true], [0.0, 1.0, 1.0]);
        Tolerance.Equal(24.029102259411435, report.Metrics.LogLoss, "logLoss");
    }

    [Fact]
    public void Log_loss_is_defined_with_one_class()
    {
        // edge.one_class.log_loss = 0.30809306971190853 (log_loss with labels=[0, 1])
        var report = BinaryEvaluation.Evaluate([true, true], [0.9, 0.6]);
        Tolerance.Equal(0.30809306971190853, report.Metrics.LogLoss, "logLoss");
    }

    [Fact]
    public void Scores_that_are_not_probabilities_leave_the_probability_metrics_null()
    {
        var report = BinaryEvaluation.Evaluate([true, false, true, false], [2.0, -1.5, 0.3, 0.1]);
        Assert.Null(report.Metrics.LogLoss);
        Assert.Null(report.Metrics.BrierScore);
        Assert.Null(report.CalibrationCurve);
        Assert.Equal(1.0, report.Metrics.RocAuc);
        Assert.Contains(report.Notes, n => n.Contains("[-1.5, 2], outside [0, 1]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_nan_score_is_refused_naming_its_row()
    {
        var error = Assert.Throws<EvaluationInputException>(() => BinaryEvaluation.Evaluate([true, false, true], [0.2, double.NaN, 0.4]));
        Assert.Equal("score at row 2 is NaN; every score must be a finite number", error.Message);
    }

    [Fact]
    public void An_infinite_score_is_refused_naming_its_row()
    {
        var error = Assert.Throws<EvaluationInputException>(() => BinaryEvaluation.Evaluate([true, false], [double.PositiveInfinity, 0.4]));
        Assert.Contains("row 1 is infinite", error.Message);
    }

    [Fact]
    public void Labels_and_scores_of_different_lengths_are_refused()
    {
        var error = Assert.Throws<EvaluationInputException>(() => BinaryEvaluation.Evaluate([true, false, true], [0.2, 0.4]));
        Assert.Equal("labels and scores differ in length: 3 labels, 2 scores", error.Message);
    }

    [Fact]
    public void No_rows_is_refused()
    {
        var error = Assert.Throws<EvaluationInputException>(() => BinaryEvaluation.Evaluate([], []));
        Assert.Equal("there are no rows to evaluate", error.Message);
    }

    [Fact]
    public void A_threshold_that_is_not_a_number_is_refused()
    {
        var error = Assert.Throws<EvaluationInputException>(() =>
            BinaryEvaluation.Evaluate([true, false], [0.6, 0.4], new BinaryEvaluationOptions { Threshold = double.NaN }));
        Assert.Contains("threshold", error.Message);
    }

    [Fact]
    public void A_score_equal_to_the_threshold_is_predicted_positive()
    {
        var report = BinaryEvaluation.Evaluate([true, false], [0.5, 0.49]);
        Assert.Equal(new BinaryConfusionMatrix(1, 0, 1, 0), report.ConfusionMatrix);
    }

    [Fact]
    public void Negative_zero_and_zero_are_one_score()
    {
        var curve = ThresholdCurve.Compute([true, false, false], [-0.0, 0.0, 1.0]);
        Assert.Equal(2, curve.Count);
        Assert.Equal([1.0, 0.0], curve.Thresholds.ToArray());
    }
}
