namespace Steward.Stats.Evaluation;

/// <summary>One point of a ROC curve: the rates when rows with score ≥ <see cref="Threshold"/> are predicted positive.</summary>
public readonly record struct RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);

/// <summary>
/// The ROC curve and its area as scikit-learn 1.2 computes them (<c>roc_curve</c> with
/// <c>drop_intermediate=True</c>, <c>roc_auc_score</c>): one point per distinct score, collinear
/// intermediate points dropped, a first point (0, 0) at threshold max(score) + 1, and the area by the
/// trapezoid rule, so tied scores count half.
/// </summary>
public static class RocCurve
{
    /// <summary>
    /// The curve's points, or null when the rows hold only one class (a rate would divide by zero;
    /// scikit-learn returns NaN rates with a warning).
    /// </summary>
    public static IReadOnlyList<RocPoint>? Points(ThresholdCurve curve) => Produce(curve, new CurveThinner<RocPoint>(int.MaxValue))?.Points;

    /// <summary>The points thinned to about <paramref name="limit"/> for a report (see <see cref="CurveThinning"/>), or null with one class.</summary>
    public static (IReadOnlyList<RocPoint> Points, bool Thinned)? Thinned(ThresholdCurve curve, int limit) => Produce(curve, new CurveThinner<RocPoint>(limit));

    private static (IReadOnlyList<RocPoint> Points, bool Thinned)? Produce(ThresholdCurve curve, CurveThinner<RocPoint> sink)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Positives == 0 || curve.Negatives == 0)
            return null;

        var tps = curve.TruePositives;
        var fps = curve.FalsePositives;
        var thresholds = curve.Thresholds;
        double positives = curve.Positives, negatives = curve.Negatives;
        sink.Add(new RocPoint(0, 0, thresholds[0] + 1), 0, 0);
        var last = thresholds.Length - 1;
        for (var i = 0; i <= last; i++)
        {
            // Keep the ends and every corner: where the second difference of either count is non-zero.
            var corner = i == 0 || i == last
                || fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0
                || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0;
            if (corner)
            {
                double fpr = fps[i] / negatives, tpr = tps[i] / positives;
                sink.Add(new RocPoint(fpr, tpr, thresholds[i]), fpr, tpr);
            }
        }

        return sink.Finish();
    }

    /// <summary>
    /// Area under the ROC curve, or null when the rows hold only one class (scikit-learn raises).
    /// Summed in exact integer arithmetic over every distinct score, then divided once.
    /// </summary>
    public static double? Area(ThresholdCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Positives == 0 || curve.Negatives == 0)
            return null;

        var tps = curve.TruePositives;
        var fps = curve.FalsePositives;
        // Twice the area in units of one false positive × one true positive; fits in a long while
        // positives + negatives < 2^31.
        long twiceArea = 0;
        int previousTp = 0, previousFp = 0;
        for (var i = 0; i < tps.Length; i++)
        {
            twiceArea += (long)(fps[i] - previousFp) * (tps[i] + previousTp);
            previousTp = tps[i];
            previousFp = fps[i];
        }

        return twiceArea / (2.0 * curve.Positives * curve.Negatives);
    }
}
