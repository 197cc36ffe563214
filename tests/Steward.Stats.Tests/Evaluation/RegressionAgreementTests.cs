using Steward.Stats.Evaluation;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>
/// Regression metrics agree with scikit-learn 1.2.1. Expected values: <c>Reference/evaluation_reference.py</c>,
/// lines <c>regression.*</c> (from <c>regression.csv</c>) and <c>edge.*</c>.
/// </summary>
public sealed class RegressionAgreementTests
{
    [Fact]
    public void Metrics_match_sklearn_on_the_800_row_set()
    {
        var (actual, predicted) = ReferenceData.Numbers("regression.csv");
        var report = RegressionEvaluation.Evaluate(actual, predicted);
        Assert.Equal(800, report.Rows);
        Tolerance.Equal(10.277024999999998, report.Metrics.MeanAbsoluteError, "mae");     // regression.mae
        Tolerance.Equal(14.342916814581335, report.Metrics.RootMeanSquaredError, "rmse"); // regression.rmse
        Tolerance.Equal(0.9617998127919055, report.Metrics.R2, "r2");                     // regression.r2
        Tolerance.Equal(0.47843934379844993, report.Metrics.MeanAbsolutePercentageError, "mape"); // regression.mape
    }

    [Fact]
    public void R2_is_null_for_a_single_row()
    {
        // edge.one_row.r2 = nan
        var report = RegressionEvaluation.Evaluate([3.0], [2.0]);
        Assert.Null(report.Metrics.R2);
        Assert.Contains(report.Notes, n => n.StartsWith("r2 is null", StringComparison.Ordinal));
    }

    [Fact]
    public void R2_of_a_constant_target_is_1_when_exact_and_0_otherwise()
    {
        Assert.Equal(1.0, RegressionEvaluation.Metrics([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]).R2);  // edge.constant_exact.r2
        Assert.Equal(0.0, RegressionEvaluation.Metrics([2.0, 2.0, 2.0], [2.0, 2.5, 2.0]).R2);  // edge.constant_inexact.r2
    }

    [Fact]
    public void Percentage_error_divides_by_machine_epsilon_where_the_actual_value_is_0()
    {
        // edge.zero_actual.mape = 2251799813685248.0
        Assert.Equal(2251799813685248.0, RegressionEvaluation.Metrics([0.0, 2.0], [1.0, 1.0]).MeanAbsolutePercentageError);
    }

    [Fact]
    public void A_nan_prediction_is_refused_naming_its_row()
    {
        var error = Assert.Throws<EvaluationInputException>(() => RegressionEvaluation.Evaluate([1.0, 2.0], [1.0, double.NaN]));
        Assert.Equal("prediction at row 2 is NaN; every prediction must be a finite number", error.Message);
    }

    [Fact]
    public void Columns_of_different_lengths_are_refused()
    {
        var error = Assert.Throws<EvaluationInputException>(() => RegressionEvaluation.Evaluate([1.0, 2.0], [1.0]));
        Assert.Contains("differ in length", error.Message);
    }

    [Fact]
    public void Errors_too_large_to_square_are_refused_rather_than_reported_as_infinity()
    {
        var error = Assert.Throws<EvaluationInputException>(() => RegressionEvaluation.Evaluate([1e200, 0], [-1e200, 0]));
        Assert.Contains("too large", error.Message);
    }
}
