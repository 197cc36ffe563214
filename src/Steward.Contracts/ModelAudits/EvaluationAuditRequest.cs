namespace Steward.Contracts.ModelAudits;

/// <summary>
/// An evaluation audit (<c>"kind": "evaluation"</c>): the settings of <c>steward evaluate</c>, plus
/// the bounds the evidence must meet — <see cref="Minimums"/> for metrics where higher is better
/// (<c>rocAuc</c>, <c>f1</c>, <c>r2</c>...) and <see cref="Maximums"/> for errors (<c>logLoss</c>,
/// <c>brierScore</c>, <c>rmse</c>...), named as in the report's <c>metrics</c>. Without bounds it passes.
/// </summary>
public sealed record EvaluationAuditRequest() : ModelAuditRequest("evaluation")
{
    /// <summary>The CSV or Parquet file, relative to the data-set folder. Required.</summary>
    public string? Data { get; init; }

    /// <summary>The true outcome column. Required.</summary>
    public string? Label { get; init; }

    /// <summary>The score (probability) column.</summary>
    public string? Score { get; init; }

    /// <summary>The predicted label or value column.</summary>
    public string? Prediction { get; init; }

    /// <summary><c>binary</c>, <c>regression</c> or <c>multiclass</c>; inferred from the data when absent.</summary>
    public string? Task { get; init; }

    /// <summary>The label value that is positive (compared as text).</summary>
    public string? Positive { get; init; }

    /// <summary>The score at or above which a prediction is positive, 0.5 when absent.</summary>
    public double? Threshold { get; init; }

    /// <summary>Calibration bins, 10 when absent.</summary>
    public int? Bins { get; init; }

    /// <summary><c>uniform</c> (the default) or <c>quantile</c> calibration bins.</summary>
    public string? BinStrategy { get; init; }

    /// <summary>Lower bounds of metrics where higher is better, by the report's metric names.</summary>
    public IReadOnlyDictionary<string, double>? Minimums { get; init; }

    /// <summary>Upper bounds of error metrics, by the report's metric names.</summary>
    public IReadOnlyDictionary<string, double>? Maximums { get; init; }
}
