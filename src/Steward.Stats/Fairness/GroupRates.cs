using Steward.Stats.Classification;

namespace Steward.Stats.Fairness;

/// <summary>
/// The rates of one group as doubles, NaN where undefined (a zero denominator). The hot path of the
/// bootstrap works on these; reports turn NaN into null.
/// </summary>
internal readonly record struct GroupRates(
    double SelectionRate, double TruePositiveRate, double FalsePositiveRate, double FalseNegativeRate,
    double TrueNegativeRate, double Precision, double Accuracy)
{
    /// <summary>How many rates there are, for flat arrays of them.</summary>
    public const int Count = 7;

    public static GroupRates From(in ConfusionCounts c) => new(
        SelectionRate: Divide(c.PredictedPositives, c.Total),
        TruePositiveRate: Divide(c.TruePositives, c.ActualPositives),
        FalsePositiveRate: Divide(c.FalsePositives, c.ActualNegatives),
        FalseNegativeRate: Divide(c.FalseNegatives, c.ActualPositives),
        TrueNegativeRate: Divide(c.TrueNegatives, c.ActualNegatives),
        Precision: Divide(c.TruePositives, c.PredictedPositives),
        Accuracy: Divide(c.TruePositives + c.TrueNegatives, c.Total));

    /// <summary>The rate at <paramref name="index"/> in declaration order (0 = selection rate ... 6 = accuracy).</summary>
    public double this[int index] => index switch
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

    private static double Divide(long numerator, long denominator) =>
        denominator == 0 ? double.NaN : (double)numerator / denominator;
}
