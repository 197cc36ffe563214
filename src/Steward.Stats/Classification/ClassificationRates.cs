namespace Steward.Stats.Classification;

/// <summary>
/// The rates of one binary confusion matrix, with an explicit rule for a zero denominator: evaluation
/// uses <see cref="ZeroDivision.Zero"/> (scikit-learn's default), fairness <see cref="ZeroDivision.Undefined"/>.
/// </summary>
/// <remarks>
/// Selection rate = (TP + FP) / count; true positive rate (recall) = TP / (TP + FN); false positive
/// rate = FP / (FP + TN); false negative rate = FN / (TP + FN); true negative rate = TN / (FP + TN);
/// precision = TP / (TP + FP); accuracy = (TP + TN) / count; F1 = 2PR / (P + R) in scikit-learn's
/// order of operations, undefined where P or R is, and 0 where both are 0.
/// </remarks>
public readonly record struct ClassificationRates(
    double SelectionRate, double TruePositiveRate, double FalsePositiveRate, double FalseNegativeRate,
    double TrueNegativeRate, double Precision, double Accuracy, double F1)
{
    /// <summary>How many rates <see cref="this[int]"/> indexes: all but F1, for flat arrays of them.</summary>
    internal const int IndexedCount = 7;

    /// <summary>Share of positive labels predicted positive: the true positive rate.</summary>
    public double Recall => TruePositiveRate;

    /// <summary>The rates of <paramref name="counts"/>, a zero denominator giving what <paramref name="zeroDivision"/> says.</summary>
    public static ClassificationRates Of(in ConfusionCounts counts, ZeroDivision zeroDivision)
    {
        var precision = Ratio(counts.TruePositives, counts.PredictedPositives, zeroDivision);
        var recall = Ratio(counts.TruePositives, counts.ActualPositives, zeroDivision);
        return new ClassificationRates(
            SelectionRate: Ratio(counts.PredictedPositives, counts.Total, zeroDivision),
            TruePositiveRate: recall,
            FalsePositiveRate: Ratio(counts.FalsePositives, counts.ActualNegatives, zeroDivision),
            FalseNegativeRate: Ratio(counts.FalseNegatives, counts.ActualPositives, zeroDivision),
            TrueNegativeRate: Ratio(counts.TrueNegatives, counts.ActualNegatives, zeroDivision),
            Precision: precision,
            Accuracy: Ratio(counts.TruePositives + counts.TrueNegatives, counts.Total, zeroDivision),
            F1: F1Of(precision, recall));
    }

    /// <summary><c>numerator / denominator</c>, or the <paramref name="zeroDivision"/> value when the denominator is 0.</summary>
    public static double Ratio(long numerator, long denominator, ZeroDivision zeroDivision) =>
        denominator == 0 ? ValueOf(zeroDivision) : (double)numerator / denominator;

    /// <summary>
    /// F1 from precision and recall in scikit-learn's order of operations (2PR / (P + R)): NaN where either
    /// is NaN, 0 where both are 0 (whether by count or by <see cref="ZeroDivision.Zero"/>, as scikit-learn).
    /// </summary>
    public static double F1Of(double precision, double recall)
    {
        var denominator = precision + recall;
        return denominator == 0 ? 0.0 : 2 * precision * recall / denominator;
    }

    /// <summary>The rate at <paramref name="index"/> in declaration order (0 = selection rate ... 6 = accuracy).</summary>
    internal double this[int index] => index switch
    {
        0 => SelectionRate,
        1 => TruePositiveRate,
        2 => FalsePositiveRate,
        3 => FalseNegativeRate,
        4 => TrueNegativeRate,
        5 => Precision,
        6 => Accuracy,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    private static double ValueOf(ZeroDivision zeroDivision) => zeroDivision switch
    {
        ZeroDivision.Zero => 0.0,
        ZeroDivision.Undefined => double.NaN,
        _ => throw new ArgumentOutOfRangeException(nameof(zeroDivision)),
    };
}
