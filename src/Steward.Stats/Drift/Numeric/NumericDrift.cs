using System.Globalization;
using Steward.Stats.Drift.Distances;
using Steward.Stats.Drift.Kolmogorov;

namespace Steward.Stats.Drift.Numeric;

/// <summary>Compares two sorted numeric samples with every numeric measure and decides drift.</summary>
internal static class NumericDrift
{
    /// <summary>Evidently's floor for the Wasserstein norm, so a constant reference does not divide by zero.</summary>
    public const double MinimumNorm = 0.001;

    /// <summary>Both samples sorted and finite, each followed by one +∞ (see <see cref="SortedComparison"/>).</summary>
    public static ColumnDrift Compare(string name, ReadOnlySpan<double> referenceTerminated, ReadOnlySpan<double> currentTerminated,
        SampleSummary referenceCounts, SampleSummary currentCounts, DriftOptions options)
    {
        var (d, wasserstein) = SortedComparison.Compare(referenceTerminated, currentTerminated);
        var reference = referenceTerminated[..^1];
        var current = currentTerminated[..^1];
        var pValue = TwoSampleKolmogorovSmirnov.PValue(reference.Length, current.Length, d, out var statistic, out _);

        var edges = QuantileBins.Edges(reference, options.Bins);
        var referenceShares = Shares(QuantileBins.Count(reference, edges), reference.Length);
        var currentShares = Shares(QuantileBins.Count(current, edges), current.Length);
        var psi = PopulationStabilityIndex.Compute(referenceShares, currentShares);
        var jensenShannon = JensenShannonDistance.Compute(referenceShares, currentShares);
        var normed = wasserstein / Math.Max(StandardDeviation(reference), MinimumNorm);

        var (method, threshold) = DriftDecision.Choose(DriftColumnType.Numeric, reference.Length, options);
        var score = method switch
        {
            DriftMethod.KolmogorovSmirnov => pValue,
            DriftMethod.Psi => psi,
            DriftMethod.Wasserstein => normed,
            _ => jensenShannon,
        };
        return new ColumnDrift
        {
            Column = name,
            Type = DriftColumnType.Numeric,
            Method = method,
            Threshold = threshold,
            Score = score,
            Drifted = DriftDecision.Drifted(method, score, threshold),
            Test = DriftMethod.KolmogorovSmirnov,
            Statistic = statistic,
            PValue = pValue,
            Psi = psi,
            Wasserstein = wasserstein,
            WassersteinNormed = normed,
            JensenShannon = jensenShannon,
            Reference = referenceCounts,
            Current = currentCounts,
            Bins = Bins(edges, referenceShares, currentShares),
        };
    }

    /// <summary>Population standard deviation (numpy's <c>std</c>, ddof 0), with compensated sums.</summary>
    internal static double StandardDeviation(ReadOnlySpan<double> values)
    {
        double sum = 0, c = 0;
        foreach (var v in values)
            Add(ref sum, ref c, v);
        var mean = (sum + c) / values.Length;
        double squares = 0, c2 = 0;
        foreach (var v in values)
            Add(ref squares, ref c2, (v - mean) * (v - mean));
        return Math.Sqrt((squares + c2) / values.Length);
    }

    private static void Add(ref double sum, ref double compensation, double term)
    {
        var t = sum + term;
        compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
    }

    private static double[] Shares(long[] counts, int total)
    {
        var shares = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
            shares[i] = (double)counts[i] / total;
        return shares;
    }

    private static DriftBin[] Bins(double[] edges, double[] reference, double[] current)
    {
        var bins = new DriftBin[reference.Length];
        for (var b = 0; b < bins.Length; b++)
        {
            double? lower = b == 0 ? null : edges[b - 1];
            double? upper = b == edges.Length ? null : edges[b];
            var label = (lower, upper) switch
            {
                (null, null) => "all values",
                (null, { } u) => $"< {Format(u)}",
                ({ } l, null) => $"≥ {Format(l)}",
                ({ } l, { } u) => $"[{Format(l)}, {Format(u)})",
            };
            bins[b] = new DriftBin(label, lower, upper, reference[b], current[b]);
        }
        return bins;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
