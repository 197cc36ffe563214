namespace Steward.Stats.Drift;

/// <summary>Names, default thresholds and applicability of the drift methods, in one place.</summary>
public static class DriftMethods
{
    /// <summary>Every method with the name used on the command line and in JSON.</summary>
    public static IReadOnlyList<(DriftMethod Method, string Name)> All { get; } =
    [
        (DriftMethod.KolmogorovSmirnov, "ks"),
        (DriftMethod.ChiSquare, "chisquare"),
        (DriftMethod.Psi, "psi"),
        (DriftMethod.Wasserstein, "wasserstein"),
        (DriftMethod.JensenShannon, "jensenshannon"),
    ];

    /// <summary>The method's name as used on the command line and in JSON (<c>ks</c>, <c>psi</c>, ...).</summary>
    public static string Name(this DriftMethod method) => All.First(m => m.Method == method).Name;

    /// <summary>The method called <paramref name="name"/> (case-insensitive), or false.</summary>
    public static bool TryParse(string name, out DriftMethod method)
    {
        foreach (var (candidate, candidateName) in All)
        {
            if (string.Equals(candidateName, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                method = candidate;
                return true;
            }
        }
        method = default;
        return false;
    }

    /// <summary>True when the method's score is a p-value (drift below the threshold); false for distances (drift at or above it).</summary>
    public static bool IsTest(this DriftMethod method) => method is DriftMethod.KolmogorovSmirnov or DriftMethod.ChiSquare;

    /// <summary>
    /// The threshold used when none is given: p-value 0.05 for the tests, 0.1 for PSI ("moderate"
    /// shift; 0.2 is the customary "significant"), normed Wasserstein and Jensen–Shannon — Evidently's defaults.
    /// </summary>
    public static double DefaultThreshold(this DriftMethod method) => method.IsTest() ? 0.05 : 0.1;

    /// <summary>Whether the method can compare columns of <paramref name="type"/>.</summary>
    public static bool AppliesTo(this DriftMethod method, DriftColumnType type) => method switch
    {
        DriftMethod.KolmogorovSmirnov or DriftMethod.Wasserstein => type == DriftColumnType.Numeric,
        DriftMethod.ChiSquare => type == DriftColumnType.Categorical,
        _ => true,
    };

    /// <summary>
    /// Evidently's default choice: a hypothesis test for small reference samples (at most
    /// <paramref name="smallSample"/> values) — KS for numeric, chi-square for categorical — and a
    /// distance for larger ones, where any test rejects on trivial differences — normed
    /// Wasserstein for numeric, Jensen–Shannon for categorical.
    /// </summary>
    public static DriftMethod Default(DriftColumnType type, long referenceValues, int smallSample) =>
        (type, referenceValues <= smallSample) switch
        {
            (DriftColumnType.Numeric, true) => DriftMethod.KolmogorovSmirnov,
            (DriftColumnType.Numeric, false) => DriftMethod.Wasserstein,
            (_, true) => DriftMethod.ChiSquare,
            _ => DriftMethod.JensenShannon,
        };
}
