using System.Text.Json.Serialization;

namespace Steward.Stats.Evaluation;

/// <summary>
/// Regression metrics as scikit-learn 1.2 defines them; in JSON <c>mae</c>, <c>rmse</c>, <c>r2</c>, <c>mape</c>.
/// </summary>
/// <param name="MeanAbsoluteError"><c>mean_absolute_error</c>: mean |y − ŷ|.</param>
/// <param name="RootMeanSquaredError"><c>mean_squared_error(squared=False)</c>: √(mean (y − ŷ)²).</param>
/// <param name="R2">
/// <c>r2_score</c>: 1 − Σ(y − ŷ)² / Σ(y − ȳ)². When every y is equal: 1 if the predictions are exact,
/// else 0 (scikit-learn's <c>force_finite</c>). Null with fewer than two rows (scikit-learn returns NaN).
/// </param>
/// <param name="MeanAbsolutePercentageError">
/// <c>mean_absolute_percentage_error</c>: mean |y − ŷ| / max(|y|, ε) with ε the machine epsilon 2⁻⁵²,
/// as a fraction (0.05 is 5 %); huge when some y is 0 and its prediction is not.
/// </param>
public sealed record RegressionMetrics(
    [property: JsonPropertyName("mae")] double MeanAbsoluteError,
    [property: JsonPropertyName("rmse")] double RootMeanSquaredError,
    [property: JsonPropertyName("r2")] double? R2,
    [property: JsonPropertyName("mape")] double MeanAbsolutePercentageError);
