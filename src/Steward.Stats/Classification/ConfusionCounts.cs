namespace Steward.Stats.Classification;

/// <summary>
/// The four cells of a binary confusion matrix. Fairness and evaluation metrics derive from these
/// counts, so they can be counted anywhere — in memory, or by a SQL <c>GROUP BY</c> in DuckDB —
/// and the metrics computed once from the result.
/// </summary>
public readonly record struct ConfusionCounts(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    /// <summary>All rows counted.</summary>
    public long Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Rows whose label is positive (TP + FN).</summary>
    public long ActualPositives => TruePositives + FalseNegatives;

    /// <summary>Rows whose label is negative (FP + TN).</summary>
    public long ActualNegatives => FalsePositives + TrueNegatives;

    /// <summary>Rows predicted positive (TP + FP).</summary>
    public long PredictedPositives => TruePositives + FalsePositives;

    /// <summary>Cell-wise sum, for merging partial counts.</summary>
    public static ConfusionCounts operator +(ConfusionCounts a, ConfusionCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives,
            a.TrueNegatives + b.TrueNegatives, a.FalseNegatives + b.FalseNegatives);
}
