using Steward.Stats.Classification;

namespace Steward.Stats.Fairness;

/// <summary>
/// A group's (or all rows') confusion counts and the rates Fairlearn derives from them, as the report
/// writes them: <see cref="ClassificationRates"/> with <see cref="ZeroDivision.Undefined"/>, so a rate
/// whose denominator is zero is null — see the remarks for where this differs from Fairlearn.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>selectionRate</c> = (TP + FP) / count — Fairlearn's <c>selection_rate</c>; null only for an empty group.</item>
/// <item><c>truePositiveRate</c> = TP / (TP + FN) and <c>falseNegativeRate</c> = FN / (TP + FN): null when the group has no positive label.</item>
/// <item><c>falsePositiveRate</c> = FP / (FP + TN) and <c>trueNegativeRate</c> = TN / (FP + TN): null when the group has no negative label.</item>
/// <item><c>precision</c> = TP / (TP + FP): null when the group has no positive prediction.</item>
/// <item><c>accuracy</c> = (TP + TN) / count: null only for an empty group.</item>
/// </list>
/// Fairlearn computes the four error rates with scikit-learn's <c>confusion_matrix(normalize="true")</c>,
/// which turns 0/0 into 0 (<c>nan_to_num</c>), and scikit-learn's <c>precision_score</c> returns 0 by its
/// <c>zero_division</c> default. Steward reports null instead and leaves such a group out of the
/// disparities built on that rate: a group without positive labels has no true positive rate, and
/// counting it as 0 would manufacture the largest possible equal-opportunity gap. Wherever every
/// denominator is non-zero the values are Fairlearn's exactly.
/// </remarks>
public record GroupRates
{
    /// <summary>Rows.</summary>
    public required long Count { get; init; }

    /// <summary>Rows with a positive label predicted positive.</summary>
    public required long TruePositives { get; init; }

    /// <summary>Rows with a negative label predicted positive.</summary>
    public required long FalsePositives { get; init; }

    /// <summary>Rows with a negative label predicted negative.</summary>
    public required long TrueNegatives { get; init; }

    /// <summary>Rows with a positive label predicted negative.</summary>
    public required long FalseNegatives { get; init; }

    /// <summary>Share of rows predicted positive.</summary>
    public required double? SelectionRate { get; init; }

    /// <summary>Share of positive labels predicted positive (recall).</summary>
    public required double? TruePositiveRate { get; init; }

    /// <summary>Share of negative labels predicted positive.</summary>
    public required double? FalsePositiveRate { get; init; }

    /// <summary>Share of positive labels predicted negative.</summary>
    public required double? FalseNegativeRate { get; init; }

    /// <summary>Share of negative labels predicted negative.</summary>
    public required double? TrueNegativeRate { get; init; }

    /// <summary>Share of positive predictions whose label is positive.</summary>
    public required double? Precision { get; init; }

    /// <summary>Share of rows predicted correctly.</summary>
    public required double? Accuracy { get; init; }

    /// <summary>The counts behind these rates.</summary>
    public ConfusionCounts Counts() => new(TruePositives, FalsePositives, TrueNegatives, FalseNegatives);

    /// <summary>The counts and rates of <paramref name="counts"/>.</summary>
    public static GroupRates From(ConfusionCounts counts)
    {
        var rates = ClassificationRates.Of(counts, ZeroDivision.Undefined);
        return new GroupRates
        {
            Count = counts.Total,
            TruePositives = counts.TruePositives,
            FalsePositives = counts.FalsePositives,
            TrueNegatives = counts.TrueNegatives,
            FalseNegatives = counts.FalseNegatives,
            SelectionRate = Defined(rates.SelectionRate),
            TruePositiveRate = Defined(rates.TruePositiveRate),
            FalsePositiveRate = Defined(rates.FalsePositiveRate),
            FalseNegativeRate = Defined(rates.FalseNegativeRate),
            TrueNegativeRate = Defined(rates.TrueNegativeRate),
            Precision = Defined(rates.Precision),
            Accuracy = Defined(rates.Accuracy),
        };
    }

    /// <summary>NaN (undefined) as null.</summary>
    internal static double? Defined(double value) => double.IsNaN(value) ? null : value;
}
