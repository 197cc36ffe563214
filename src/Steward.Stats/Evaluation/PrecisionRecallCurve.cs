namespace Steward.Stats.Evaluation;

/// <summary>
/// One point of a precision-recall curve. <see cref="Threshold"/> is null for the final point
/// (precision 1, recall 0), which has no threshold.
/// </summary>
public readonly record struct PrecisionRecallPoint(double Precision, double Recall, double? Threshold);

/// <summary>
/// The precision-recall curve and average precision as scikit-learn 1.2 computes them
/// (<c>precision_recall_curve</c>, <c>average_precision_score</c>).
/// </summary>
public static class PrecisionRecallCurve
{
    /// <summary>
    /// One point per distinct score in increasing threshold order (recall decreasing), then the point
    /// (1, 0) without a threshold. With no positive row, recall is 1 at every threshold (scikit-learn's
    /// choice, with a warning).
    /// </summary>
    public static IReadOnlyList<PrecisionRecallPoint> Points(ThresholdCurve curve) => Produce(curve, new CurveThinner<PrecisionRecallPoint>(int.MaxValue)).Points;

    /// <summary>The points thinned to about <paramref name="limit"/> for a report (see <see cref="CurveThinning"/>).</summary>
    public static (IReadOnlyList<PrecisionRecallPoint> Points, bool Thinned) Thinned(ThresholdCurve curve, int limit) =>
        Produce(curve, new CurveThinner<PrecisionRecallPoint>(limit));

    private static (IReadOnlyList<PrecisionRecallPoint> Points, bool Thinned) Produce(ThresholdCurve curve, CurveThinner<PrecisionRecallPoint> sink)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var tps = curve.TruePositives;
        var fps = curve.FalsePositives;
        var thresholds = curve.Thresholds;
        double positives = curve.Positives;
        for (var i = thresholds.Length - 1; i >= 0; i--)
        {
            var recall = positives == 0 ? 1.0 : tps[i] / positives;
            var precision = (double)tps[i] / (tps[i] + fps[i]);
            sink.Add(new PrecisionRecallPoint(precision, recall, thresholds[i]), recall, precision);
        }

        sink.Add(new PrecisionRecallPoint(1, 0, null), 0, 1);
        return sink.Finish();
    }

    /// <summary>
    /// Average precision: Σ (Rₙ − Rₙ₋₁) Pₙ over thresholds from the highest down, the step-wise sum
    /// without interpolation. 0 when no row is positive (scikit-learn's result, with a warning).
    /// </summary>
    public static double AveragePrecision(ThresholdCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Positives == 0)
            return 0;

        var tps = curve.TruePositives;
        var fps = curve.FalsePositives;
        double positives = curve.Positives;
        var sum = 0.0;
        var previousRecall = 0.0;
        for (var i = 0; i < tps.Length; i++)
        {
            var recall = tps[i] / positives;
            sum += (recall - previousRecall) * ((double)tps[i] / (tps[i] + fps[i]));
            previousRecall = recall;
        }

        return sum;
    }
}
