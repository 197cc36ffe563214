namespace Steward.Stats.Drift;

/// <summary>
/// One column's comparison. <see cref="Score"/> is the value the decision rests on: the p-value of
/// <see cref="DriftMethod.KolmogorovSmirnov"/>/<see cref="DriftMethod.ChiSquare"/> (drift when below
/// <see cref="Threshold"/>) or the distance of the other methods (drift when at or above it).
/// Every other measure is computed too, so a reader can compare them. Null means undefined for
/// this column (Wasserstein of categories; chi-square statistic when a category is new, i.e. infinite;
/// chi-square p-value with a single category).
/// </summary>
public sealed record ColumnDrift
{
    /// <summary>The column's name.</summary>
    public required string Column { get; init; }

    /// <summary>How it was compared.</summary>
    public required DriftColumnType Type { get; init; }

    /// <summary>The method that decided.</summary>
    public required DriftMethod Method { get; init; }

    /// <summary>The decision threshold for <see cref="Method"/>.</summary>
    public required double Threshold { get; init; }

    /// <summary>The method's value compared with <see cref="Threshold"/>; null when undefined (then not drifted).</summary>
    public required double? Score { get; init; }

    /// <summary>Whether the column drifted.</summary>
    public required bool Drifted { get; init; }

    /// <summary>The column's hypothesis test: <c>ks</c> for numeric columns, <c>chisquare</c> for categorical ones.</summary>
    public required DriftMethod Test { get; init; }

    /// <summary>The test statistic: KS D, or chi-square (null when infinite).</summary>
    public required double? Statistic { get; init; }

    /// <summary>The test's two-sided p-value (null for chi-square over a single category).</summary>
    public required double? PValue { get; init; }

    /// <summary>Population stability index over the bins (natural log, empty bins smoothed as Evidently does).</summary>
    public required double Psi { get; init; }

    /// <summary>First Wasserstein distance between the samples, in the column's unit (numeric only).</summary>
    public required double? Wasserstein { get; init; }

    /// <summary>Wasserstein distance divided by max(reference standard deviation, 0.001) (numeric only).</summary>
    public required double? WassersteinNormed { get; init; }

    /// <summary>Jensen–Shannon distance over the bins, natural log: between 0 and √ln 2 ≈ 0.8326.</summary>
    public required double JensenShannon { get; init; }

    /// <summary>The reference sample's values used and missing.</summary>
    public required SampleSummary Reference { get; init; }

    /// <summary>The current sample's values used and missing.</summary>
    public required SampleSummary Current { get; init; }

    /// <summary>The bins (numeric) or categories with each sample's share, unsmoothed, as the distances saw them.</summary>
    public required IReadOnlyList<DriftBin> Bins { get; init; }
}
