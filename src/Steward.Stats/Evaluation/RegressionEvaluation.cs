namespace Steward.Stats.Evaluation;

/// <summary>Evaluates numeric predictions against numeric targets; linear passes, compensated sums.</summary>
public static class RegressionEvaluation
{
    /// <summary>scikit-learn's machine epsilon guard in <c>mean_absolute_percentage_error</c>.</summary>
    public const double PercentageErrorEpsilon = 2.220446049250313e-16;

    /// <summary>The metrics and their report.</summary>
    /// <exception cref="EvaluationInputException">Lengths differ, there are no rows, a value is NaN or infinite, or errors overflow when squared.</exception>
    public static RegressionEvaluationReport Evaluate(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        var metrics = Metrics(actual, predicted);
        var notes = metrics.R2 is null
            ? new[] { "r2 is null: R² is not defined for fewer than two rows" }
            : [];
        return new RegressionEvaluationReport { Rows = actual.Length, Metrics = metrics, Notes = notes };
    }

    /// <inheritdoc cref="Evaluate"/>
    public static RegressionMetrics Metrics(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (actual.Length != predicted.Length)
            throw new EvaluationInputException($"actual and predicted values differ in length: {actual.Length} actual, {predicted.Length} predicted");
        if (actual.Length == 0)
            throw new EvaluationInputException("there are no rows to evaluate");

        CompensatedSum absolute = default, squared = default, percentage = default, total = default;
        for (var i = 0; i < actual.Length; i++)
        {
            var y = actual[i];
            var prediction = predicted[i];
            if (!double.IsFinite(y))
                throw new EvaluationInputException($"actual value at row {i + 1} is {Describe(y)}; every value must be a finite number");
            if (!double.IsFinite(prediction))
                throw new EvaluationInputException($"prediction at row {i + 1} is {Describe(prediction)}; every prediction must be a finite number");
            var error = Math.Abs(prediction - y);
            absolute.Add(error);
            squared.Add(error * error);
            percentage.Add(error / Math.Max(Math.Abs(y), PercentageErrorEpsilon));
            total.Add(y);
        }

        double n = actual.Length;
        if (!double.IsFinite(squared.Value) || !double.IsFinite(percentage.Value) || !double.IsFinite(absolute.Value) || !double.IsFinite(total.Value))
            throw new EvaluationInputException("the values are too large: their errors overflow double precision when summed or squared");
        return new RegressionMetrics(absolute.Value / n, Math.Sqrt(squared.Value / n), R2(actual, squared.Value, total.Value / n), percentage.Value / n);
    }

    private static double? R2(ReadOnlySpan<double> actual, double residualSquares, double mean)
    {
        if (actual.Length < 2)
            return null;

        var spread = default(CompensatedSum);
        foreach (var y in actual)
            spread.Add((y - mean) * (y - mean));

        var totalSquares = spread.Value;
        if (residualSquares == 0)
            return 1.0;
        return totalSquares == 0 ? 0.0 : 1 - residualSquares / totalSquares;
    }

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : "infinite";
}
