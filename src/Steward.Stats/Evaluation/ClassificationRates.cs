using Steward.Stats.Classification;

namespace Steward.Stats.Evaluation;

/// <summary>
/// Accuracy, precision, recall and F1 of one confusion matrix, as scikit-learn computes them with its
/// default <c>zero_division="warn"</c>: a ratio whose denominator is zero is 0 (precision with no row
/// predicted positive, recall with no positive row), and F1 is 0 when precision and recall are both 0.
/// </summary>
public readonly record struct ClassificationRates(double Accuracy, double Precision, double Recall, double F1)
{
    /// <summary>The rates of <paramref name="counts"/>.</summary>
    public static ClassificationRates Of(ConfusionCounts counts)
    {
        var precision = Ratio(counts.TruePositives, counts.PredictedPositives);
        var recall = Ratio(counts.TruePositives, counts.ActualPositives);
        var accuracy = Ratio(counts.TruePositives + counts.TrueNegatives, counts.Total);
        return new ClassificationRates(accuracy, precision, recall, F1Of(precision, recall));
    }

    /// <summary><c>numerator / denominator</c>, or 0 when the denominator is 0 (scikit-learn's default).</summary>
    internal static double Ratio(long numerator, long denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;

    /// <summary>F1 from precision and recall in scikit-learn's order of operations (2PR / (P + R)), 0 when P + R is 0.</summary>
    internal static double F1Of(double precision, double recall)
    {
        var denominator = precision + recall;
        return denominator == 0 ? 0.0 : 2 * precision * recall / denominator;
    }
}
