namespace Steward.Stats.Drift.Distances;

/// <summary>
/// Population stability index Σ (r − c)·ln(r / c) over bins, r and c each sample's share of a bin.
/// An empty bin would make it infinite, so zero shares are replaced as Evidently's
/// <c>get_binned_data</c> does, each sample on its own: by (smallest non-zero share) / 10⁶ when that
/// smallest share is at most 0.0001, otherwise by 0.0001. Shares are not renormalized afterwards.
/// </summary>
public static class PopulationStabilityIndex
{
    /// <summary>PSI of two share vectors of equal length (natural logarithm).</summary>
    public static double Compute(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        if (reference.Length != current.Length)
            throw new ArgumentException("both samples need the same bins");
        var referenceFill = ZeroReplacement(reference);
        var currentFill = ZeroReplacement(current);
        var psi = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            var r = reference[i] == 0 ? referenceFill : reference[i];
            var c = current[i] == 0 ? currentFill : current[i];
            psi += (r - c) * Math.Log(r / c);
        }
        return psi;
    }

    /// <summary>The value that stands in for an empty bin's share.</summary>
    public static double ZeroReplacement(ReadOnlySpan<double> shares)
    {
        var smallest = double.PositiveInfinity;
        foreach (var share in shares)
        {
            if (share != 0 && share < smallest)
                smallest = share;
        }
        if (double.IsPositiveInfinity(smallest))
            throw new ArgumentException("a sample with no values has no shares");
        return smallest <= 0.0001 ? smallest / 1_000_000 : 0.0001;
    }
}
