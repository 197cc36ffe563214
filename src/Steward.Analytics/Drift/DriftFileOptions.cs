using Steward.Stats.Drift;

namespace Steward.Analytics.Drift;

/// <summary>Which columns of two data files a drift audit compares, and how.</summary>
public sealed record DriftFileOptions
{
    /// <summary>
    /// The columns to compare; each must be in both files. Null compares every column the two files
    /// share and lists the others as skipped.
    /// </summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Columns compared as categories even if they hold numbers.</summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>Columns compared as numbers even if the files store them as text (every value must parse).</summary>
    public IReadOnlyList<string> Numeric { get; init; } = [];

    /// <summary>The engine's settings: bins, method, thresholds.</summary>
    public DriftOptions Drift { get; init; } = new();
}
