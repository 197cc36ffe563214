namespace Steward.Contracts.ModelAudits;

/// <summary>
/// A drift audit (<c>"kind": "drift"</c>): the settings of <c>steward audit drift</c>, comparing
/// <see cref="Current"/> with <see cref="Reference"/> (what the model learned on), both files in the
/// server's data-set folder. The verdict is the data-set drift flag.
/// </summary>
public sealed record DriftAuditRequest() : ModelAuditRequest("drift")
{
    /// <summary>The reference file, relative to the data-set folder. Required.</summary>
    public string? Reference { get; init; }

    /// <summary>The current file, relative to the data-set folder. Required.</summary>
    public string? Current { get; init; }

    /// <summary>The columns to compare; every column the files share when absent.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Columns to treat as categorical whatever their type.</summary>
    public IReadOnlyList<string>? Categorical { get; init; }

    /// <summary>Columns to treat as numeric whatever their type.</summary>
    public IReadOnlyList<string>? Numeric { get; init; }

    /// <summary>ks, chisquare, psi, wasserstein or jensenshannon; chosen per column when absent.</summary>
    public string? Method { get; init; }

    /// <summary>The method's threshold: a p-value below it, or a distance at or above it, is drift; the method's default when absent.</summary>
    public double? Threshold { get; init; }

    /// <summary>Bins for PSI and Jensen–Shannon on numeric columns, 10 when absent.</summary>
    public int? Bins { get; init; }

    /// <summary>The share of drifted columns at or above which the data set has drifted, 0.5 when absent.</summary>
    public double? DriftShare { get; init; }
}
