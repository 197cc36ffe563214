using System.Globalization;
using Steward.Stats.Classification;

namespace Steward.Stats.Evaluation;

/// <summary>
/// Evaluates a binary classifier's scores against true/false labels: the rows are sorted once into a
/// <see cref="ThresholdCurve"/>, and every metric and curve is read from it.
/// </summary>
public static class BinaryEvaluation
{
    /// <summary>Every binary metric, the confusion matrix at the threshold and the three curves.</summary>
    /// <exception cref="EvaluationInputException">Lengths differ, there are no rows, a score is NaN or infinite, or an option is out of range.</exception>
    public static BinaryEvaluationReport Evaluate(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, BinaryEvaluationOptions? options = null)
    {
        options ??= new BinaryEvaluationOptions();
        options.Validate();
        using var curve = ThresholdCurve.Compute(labels, scores);
        return Report(curve, options);
    }

    /// <summary>The report of a curve already computed.</summary>
    public static BinaryEvaluationReport Report(ThresholdCurve curve, BinaryEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var counts = curve.ConfusionAt(options.Threshold);
        var rates = ClassificationRates.Of(counts, ZeroDivision.Zero);

        // Each part reads the curve independently: on large curves they run side by side.
        double? auc = null, logLoss = null, brier = null;
        var averagePrecision = 0.0;
        (IReadOnlyList<RocPoint> Points, bool Thinned)? roc = null;
        (IReadOnlyList<PrecisionRecallPoint> Points, bool Thinned) precisionRecall = ([], false);
        IReadOnlyList<CalibrationBin>? calibration = null;
        Action[] parts =
        [
            () => auc = RocCurve.Area(curve),
            () => averagePrecision = PrecisionRecallCurve.AveragePrecision(curve),
            () => (logLoss, brier) = (ProbabilityLosses.LogLoss(curve), ProbabilityLosses.BrierScore(curve)),
            () => roc = RocCurve.Thinned(curve, options.MaxCurvePoints),
            () => precisionRecall = PrecisionRecallCurve.Thinned(curve, options.MaxCurvePoints),
            () => calibration = CalibrationCurve.Bins(curve, options.CalibrationBins, options.CalibrationStrategy),
        ];
        if (curve.Count < ParallelThreshold)
            Array.ForEach(parts, part => part());
        else
            Parallel.Invoke(parts);

        var metrics = new BinaryMetrics(rates.Accuracy, rates.Precision, rates.Recall, rates.F1, auc, averagePrecision, logLoss, brier);
        return new BinaryEvaluationReport
        {
            Rows = curve.Rows,
            Positives = curve.Positives,
            Negatives = curve.Negatives,
            Threshold = options.Threshold,
            Metrics = metrics,
            ConfusionMatrix = new BinaryConfusionMatrix(counts.TruePositives, counts.FalsePositives, counts.TrueNegatives, counts.FalseNegatives),
            RocCurve = roc?.Points,
            PrecisionRecallCurve = precisionRecall.Points,
            CurvesThinned = roc?.Thinned == true || precisionRecall.Thinned,
            CalibrationCurve = calibration is null ? null : new CalibrationCurveReport(options.CalibrationStrategy, options.CalibrationBins, calibration),
            Notes = Notes(curve, counts, options.Threshold),
        };
    }

    private const int ParallelThreshold = 100_000;

    private static string[] Notes(ThresholdCurve curve, ConfusionCounts counts, double threshold)
    {
        var notes = new List<string>();
        var t = threshold.ToString("R", CultureInfo.InvariantCulture);
        if (curve.Positives == 0 || curve.Negatives == 0)
            notes.Add($"rocAuc and rocCurve are null: every row is {(curve.Positives == 0 ? "negative" : "positive")}, so the ROC curve is undefined");
        if (curve.Positives == 0)
            notes.Add("recall, f1 and averagePrecision are 0 by convention: no row is positive");
        if (counts.PredictedPositives == 0)
            notes.Add($"precision is 0 by convention: no row scores ≥ {t}");
        if (!ProbabilityLosses.ScoresAreProbabilities(curve))
        {
            var range = $"[{curve.MinScore.ToString("G6", CultureInfo.InvariantCulture)}, {curve.MaxScore.ToString("G6", CultureInfo.InvariantCulture)}]";
            notes.Add($"logLoss, brierScore and calibrationCurve are null: the scores span {range}, outside [0, 1], so they are not probabilities");
        }

        return notes.ToArray();
    }
}
