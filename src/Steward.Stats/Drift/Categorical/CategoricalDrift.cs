using Steward.Stats.Drift.Distances;

namespace Steward.Stats.Drift.Categorical;

/// <summary>Compares category counts of two samples with every categorical measure and decides drift.</summary>
internal static class CategoricalDrift
{
    /// <summary>
    /// <paramref name="labels"/>, <paramref name="reference"/> and <paramref name="current"/> are parallel:
    /// the union of both samples' categories with each sample's count (0 where a category is absent).
    /// </summary>
    public static ColumnDrift Compare(string name, IReadOnlyList<string> labels, long[] reference, long[] current,
        SampleSummary referenceCounts, SampleSummary currentCounts, DriftOptions options)
    {
        var (chiSquare, pValue) = ChiSquareTest.Compute(reference, current);
        var referenceShares = Shares(reference, referenceCounts.Count);
        var currentShares = Shares(current, currentCounts.Count);
        var psi = PopulationStabilityIndex.Compute(referenceShares, currentShares);
        var jensenShannon = JensenShannonDistance.Compute(referenceShares, currentShares);

        var (method, threshold) = DriftDecision.Choose(DriftColumnType.Categorical, referenceCounts.Count, options);
        var score = method switch
        {
            DriftMethod.ChiSquare => DriftDecision.Defined(pValue),
            DriftMethod.Psi => psi,
            _ => jensenShannon,
        };
        var bins = new DriftBin[labels.Count];
        for (var i = 0; i < bins.Length; i++)
            bins[i] = new DriftBin(labels[i], null, null, referenceShares[i], currentShares[i]);
        return new ColumnDrift
        {
            Column = name,
            Type = DriftColumnType.Categorical,
            Method = method,
            Threshold = threshold,
            Score = score,
            Drifted = DriftDecision.Drifted(method, score, threshold),
            Test = DriftMethod.ChiSquare,
            Statistic = DriftDecision.Defined(chiSquare),
            PValue = DriftDecision.Defined(pValue),
            Psi = psi,
            Wasserstein = null,
            WassersteinNormed = null,
            JensenShannon = jensenShannon,
            Reference = referenceCounts,
            Current = currentCounts,
            Bins = bins,
        };
    }

    private static double[] Shares(long[] counts, long total)
    {
        var shares = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
            shares[i] = (double)counts[i] / total;
        return shares;
    }
}
