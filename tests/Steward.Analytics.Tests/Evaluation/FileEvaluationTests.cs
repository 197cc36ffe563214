using Steward.Analytics.Evaluation;
using Steward.Analytics.Files;
using Steward.Stats.Evaluation;

namespace Steward.Analytics.Tests.Evaluation;

/// <summary>
/// Evaluations read through DuckDB agree with scikit-learn 1.2.1. The files and expected values come
/// from <c>tests/Steward.Stats.Tests/Reference/evaluation_reference.py</c> (run with /usr/bin/python3);
/// the name after each value is the line of its output.
/// </summary>
public sealed class FileEvaluationTests
{
    private static readonly string Reference = Path.GetFullPath(Path.Combine(RepoPaths.Datasets, "..", "tests", "Steward.Stats.Tests", "Reference"));
    private static readonly string Telco = Path.Combine(Reference, "telco_scored.csv");

    [Fact]
    public void Telco_churn_with_a_named_positive_value_matches_sklearn()
    {
        var report = Binary(Telco, new EvaluationRequest { Label = "Churn", Score = "score", Positive = "Yes" });
        Assert.Equal(7043, report.Rows);                                                      // telco.rows
        Assert.Equal(1869, report.Positives);                                                 // telco.positives
        Assert.Equal(0.796385619913371, report.Metrics.RocAuc!.Value, 1e-9);                  // telco.roc_auc
        Assert.Equal(0.5965951022347908, report.Metrics.AveragePrecision, 1e-9);              // telco.average_precision
        Assert.Equal(0.5326821423715505, report.Metrics.LogLoss!.Value, 1e-9);                // telco.log_loss
        Assert.Equal(0.17230684319040185, report.Metrics.BrierScore!.Value, 1e-9);            // telco.brier
        Assert.Equal(new BinaryConfusionMatrix(26, 6, 5168, 1843), report.ConfusionMatrix);  // telco.confusion[tp,fp,tn,fn]
    }

    [Fact]
    public void A_where_filter_evaluates_only_the_matching_rows()
    {
        var report = Binary(Telco, new EvaluationRequest { Label = "Churn", Score = "score", Positive = "Yes" }, "Contract = 'Month-to-month'");
        Assert.Equal(3875, report.Rows);                                         // telco[Contract = 'Month-to-month'].rows
        Assert.Equal(0.7040864429384067, report.Metrics.RocAuc!.Value, 1e-9);    // telco[Contract = 'Month-to-month'].roc_auc
        Assert.Equal("Contract = 'Month-to-month'", report.Source!.Where);
    }

    [Fact]
    public void Quantile_calibration_bins_over_the_file_match_sklearn()
    {
        var request = new EvaluationRequest
        {
            Label = "Churn", Score = "score", Positive = "Yes",
            Binary = new BinaryEvaluationOptions { CalibrationStrategy = CalibrationStrategy.Quantile },
        };
        var points = Binary(Telco, request).CalibrationCurve!.Points;
        // telco.calibration[quantile,10].fraction_positive
        double[] expected = [0.0182328190743338, 0.06258890469416785, 0.10653409090909091, 0.16738197424892703, 0.16927453769559034, 0.22301136363636365, 0.2727272727272727, 0.3963068181818182, 0.4928977272727273, 0.7460992907801418];
        Assert.Equal(expected.Length, points.Count);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], points[i].FractionPositive, 1e-9);
    }

    [Fact]
    public void Zero_one_labels_need_no_positive_value()
    {
        var report = Binary(Path.Combine(Reference, "binary.csv"), new EvaluationRequest { Label = "label", Score = "score" });
        Assert.Equal(0.8600624892895048, report.Metrics.RocAuc!.Value, 1e-9);   // binary.roc_auc
        Assert.Null(report.Source!.Positive);
    }

    [Fact]
    public void Two_numeric_columns_make_a_regression_that_matches_sklearn()
    {
        var report = Assert.IsType<RegressionEvaluationReport>(Evaluate(Path.Combine(Reference, "regression.csv"), new EvaluationRequest { Label = "actual", Prediction = "predicted" }));
        Assert.Equal(10.277024999999998, report.Metrics.MeanAbsoluteError, 1e-9);   // regression.mae
        Assert.Equal(14.342916814581335, report.Metrics.RootMeanSquaredError, 1e-9); // regression.rmse
        Assert.Equal(0.9617998127919055, report.Metrics.R2!.Value, 1e-9);            // regression.r2
        Assert.Equal(0.47843934379844993, report.Metrics.MeanAbsolutePercentageError, 1e-9); // regression.mape
    }

    [Fact]
    public void Text_columns_make_a_multiclass_evaluation_counted_in_duckdb_that_matches_sklearn()
    {
        var report = Assert.IsType<MulticlassEvaluationReport>(Evaluate(Path.Combine(Reference, "multiclass.csv"), new EvaluationRequest { Label = "actual", Prediction = "predicted" }));
        Assert.Equal(["bird", "cat", "dog", "emu", "fish", "yak"], report.ConfusionMatrix.Labels);  // multiclass.labels
        Assert.Equal(0.4495451936847401, report.Metrics.MacroF1, 1e-9);                            // multiclass.macro_f1
        Assert.Equal(0.6433333333333333, report.Metrics.Accuracy, 1e-9);                           // multiclass.accuracy
        Assert.Equal([71L, 7, 14, 10, 8, 0], report.ConfusionMatrix.Counts[0]);                    // multiclass.confusion[0]
    }

    [Fact]
    public void Integer_class_codes_are_ordered_numerically_when_the_task_is_multiclass()
    {
        var request = new EvaluationRequest { Label = "actual", Prediction = "predicted", Task = EvaluationTask.Multiclass };
        var report = Assert.IsType<MulticlassEvaluationReport>(Evaluate(Path.Combine(Reference, "multiclass_int.csv"), request));
        Assert.Equal(["1", "2", "10", "11"], report.ConfusionMatrix.Labels);   // multiclass_int.labels
        Assert.Equal(0.7985538141275846, report.Metrics.MacroF1, 1e-9);       // multiclass_int.macro_f1
    }

    [Fact]
    public void Integer_columns_without_a_task_are_evaluated_as_a_regression()
    {
        var report = Evaluate(Path.Combine(Reference, "multiclass_int.csv"), new EvaluationRequest { Label = "actual", Prediction = "predicted" });
        Assert.IsType<RegressionEvaluationReport>(report);
    }

    [Fact]
    public void The_report_names_its_source()
    {
        var report = Binary(Telco, new EvaluationRequest { Label = "churn", Score = "SCORE", Positive = "Yes" });
        Assert.Equal(new EvaluationSource(Telco, null, "Churn", "score", null, "Yes"), report.Source);
    }

    private static BinaryEvaluationReport Binary(string path, EvaluationRequest request, string? where = null) =>
        Assert.IsType<BinaryEvaluationReport>(Evaluate(path, request, where));

    private static EvaluationReport Evaluate(string path, EvaluationRequest request, string? where = null)
    {
        using var file = DataFile.Open(path, where);
        return FileEvaluation.Evaluate(file, request);
    }
}
