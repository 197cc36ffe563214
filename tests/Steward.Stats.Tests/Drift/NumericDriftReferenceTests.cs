using Steward.Stats.Drift;

namespace Steward.Stats.Tests.Drift;

/// <summary>
/// Every numeric measure of a drift audit agrees with SciPy 1.10 / numpy 1.24 on the samples of
/// Reference/drift_reference.py ("NumericCases"): KS statistic bit for bit and its p-value — exact
/// regime (both samples ≤ 10,000) and asymptotic regime — to 1e-12 relative; Wasserstein, normed
/// Wasserstein, PSI and Jensen–Shannon (10 reference-quantile bins) to 1e-12 relative. The
/// residue is summation order (numpy sums pairwise).
/// </summary>
public sealed class NumericDriftReferenceTests
{
    private const double Tolerance = 1e-12;

    private sealed class Case(string name, int n1, int n2, bool exact, double statistic, double pValue,
        double wasserstein, double wassersteinNormed, double psi, double jensenShannon)
    {
        public string Name { get; } = name;
        public int ReferenceSize { get; } = n1;
        public int CurrentSize { get; } = n2;
        public bool Exact { get; } = exact;
        public double Statistic { get; } = statistic;
        public double PValue { get; } = pValue;
        public double Wasserstein { get; } = wasserstein;
        public double WassersteinNormed { get; } = wassersteinNormed;
        public double Psi { get; } = psi;
        public double JensenShannon { get; } = jensenShannon;
    }

    // Pasted from the script's output.
    private static readonly Case[] Cases =
    [
        new("exact_unequal", 80, 60, exact: true, statistic: 0.16250000000000001, pValue: 0.29770878352491331, wasserstein: 0.30897806052050536, wassersteinNormed: 0.28208735708239085, psi: 0.94642650712530174, jensenShannon: 0.2564197525318585),
        new("exact_same", 200, 150, exact: true, statistic: 0.074999999999999997, pValue: 0.69585051908602025, wasserstein: 0.19244439539480734, wassersteinNormed: 0.10041752252159608, psi: 0.11730970280993849, jensenShannon: 0.12056888723196393),
        new("exact_equal", 50, 50, exact: true, statistic: 0.38, pValue: 0.0013147736033165794, wasserstein: 0.8778669637819867, wassersteinNormed: 0.93684471082753007, psi: 0.92202126047851074, jensenShannon: 0.32696476807458486),
        new("exact_ties", 120, 90, exact: true, statistic: 0.29444444444444445, pValue: 0.00020558646630621975, wasserstein: 1.336111111111111, wassersteinNormed: 0.68347104301382045, psi: 0.49087457358857622, jensenShannon: 0.24277193175070452),
        new("exact_largest", 10000, 7000, exact: true, statistic: 0.013714285714285714, pValue: 0.41676303630447642, wasserstein: 0.023687528778973725, wassersteinNormed: 0.023510566533381728, psi: 0.0016570255113195697, jensenShannon: 0.014390931969112267),
        new("asymp_pelz_good", 12000, 9000, exact: false, statistic: 0.019777777777777783, pValue: 0.03530616895853389, wasserstein: 0.026698470721258454, wassersteinNormed: 0.026633832203913427, psi: 0.0023012076281923228, jensenShannon: 0.016958176678231397),
        new("asymp_smirnov", 12000, 9000, exact: false, statistic: 0.041638888888888892, pValue: 3.4767954085046465e-08, wasserstein: 0.096955889487498004, wassersteinNormed: 0.097342534878611969, psi: 0.010744378162387585, jensenShannon: 0.036624972215509935),
        new("asymp_small_n_durbin", 20000, 60, exact: false, statistic: 0.081499999999999961, pValue: 0.79002886733142685, wasserstein: 0.11614099698517322, wassersteinNormed: 0.11600061373407629, psi: 0.084800215251960007, jensenShannon: 0.10239294861484431),
        new("asymp_small_n_pomeranz", 20000, 60, exact: false, statistic: 0.23888333333333334, pValue: 0.0016953247790422177, wasserstein: 0.3406732050638952, wassersteinNormed: 0.33868680349654146, psi: 0.17978207432565338, jensenShannon: 0.14887650240737102),
        new("asymp_small_n_smirnov", 20000, 60, exact: false, statistic: 0.33258333333333329, pValue: 2.0371265877056326e-06, wasserstein: 0.77938401147027037, wassersteinNormed: 0.77902311203935704, psi: 0.66301092687600327, jensenShannon: 0.27704423968202785),
        new("asymp_large_smirnov", 200000, 150000, exact: false, statistic: 0.0097300000000000164, pValue: 1.776900742857102e-07, wasserstein: 0.022472598256181277, wassersteinNormed: 0.022458122051032734, psi: 0.00056585620189312537, jensenShannon: 0.0084100379475488627),
    ];

    // The generated cases' SplitMix64 parameters, as in the script: (seed, n, loc, scale) for reference and current.
    private static readonly Dictionary<string, ((ulong, int, double, double) Reference, (ulong, int, double, double) Current)> Generated = new()
    {
        ["exact_largest"] = ((1, 10000, 0, 1), (2, 7000, 0.03, 1)),
        ["asymp_pelz_good"] = ((3, 12000, 0, 1), (4, 9000, 0.01, 1)),
        ["asymp_smirnov"] = ((5, 12000, 0, 1), (6, 9000, 0.1, 1)),
        ["asymp_small_n_durbin"] = ((7, 20000, 0, 1), (8, 60, 0.0, 1)),
        ["asymp_small_n_pomeranz"] = ((9, 20000, 0, 1), (10, 60, 0.25, 1)),
        ["asymp_small_n_smirnov"] = ((11, 20000, 0, 1), (12, 60, 0.9, 1)),
        ["asymp_large_smirnov"] = ((13, 200000, 0, 1), (14, 150000, 0.02, 1)),
    };

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_numeric_measure_agrees_with_scipy(string name)
    {
        var expected = Cases.Single(c => c.Name == name);
        var (reference, current) = Samples(name);
        Assert.Equal((expected.ReferenceSize, expected.CurrentSize), (reference.Length, current.Length));

        var column = Compare(reference, current);

        Assert.Equal(DriftColumnType.Numeric, column.Type);
        Assert.Equal(expected.Statistic, column.Statistic); // bit for bit
        Close.Relative(expected.PValue, column.PValue, Tolerance, "p-value");
        Close.Relative(expected.Wasserstein, column.Wasserstein, Tolerance, "Wasserstein");
        Close.Relative(expected.WassersteinNormed, column.WassersteinNormed, Tolerance, "normed Wasserstein");
        Close.Relative(expected.Psi, column.Psi, Tolerance, "PSI");
        Close.Relative(expected.JensenShannon, column.JensenShannon, Tolerance, "Jensen-Shannon");
    }

    [Fact]
    public void Both_regimes_of_scipys_auto_method_are_covered()
    {
        Assert.Contains(Cases, c => c.Exact && c.ReferenceSize != c.CurrentSize);
        Assert.Contains(Cases, c => c.Exact && c.ReferenceSize == c.CurrentSize);
        Assert.Contains(Cases, c => !c.Exact);
    }

    internal static ColumnDrift Compare(double[] reference, double[] current)
    {
        var report = DriftAudit.Run([DriftColumn.Numeric("x", reference, current)]);
        return Assert.Single(report.Columns);
    }

    private static (double[] Reference, double[] Current) Samples(string name)
    {
        if (Generated.TryGetValue(name, out var g))
        {
            var ((s1, n1, l1, c1), (s2, n2, l2, c2)) = g;
            return (ReferenceSamples.Generated(s1, n1, l1, c1), ReferenceSamples.Generated(s2, n2, l2, c2));
        }
        return (ReferenceSamples.Numbers(name + "_reference"), ReferenceSamples.Numbers(name + "_current"));
    }
}
