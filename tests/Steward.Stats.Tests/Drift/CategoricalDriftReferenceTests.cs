using Steward.Stats.Drift;

namespace Steward.Stats.Tests.Drift;

/// <summary>
/// Categorical measures agree with SciPy 1.10 on the samples of Reference/drift_reference.py
/// ("CategoricalCases"): chi-square as Evidently calls <c>scipy.stats.chisquare</c> (statistic and
/// p-value to 1e-12 relative; the p-value comes from MathNet's regularized gamma, SciPy's from
/// cephes), PSI and Jensen–Shannon over category shares to 1e-12.
/// </summary>
public sealed class CategoricalDriftReferenceTests
{
    private const double Tolerance = 1e-12;

    private sealed class Case(string name, string[] categories, double statistic, double pValue, double psi, double jensenShannon)
    {
        public string Name { get; } = name;
        public string[] Categories { get; } = categories;
        public double Statistic { get; } = statistic;
        public double PValue { get; } = pValue;
        public double Psi { get; } = psi;
        public double JensenShannon { get; } = jensenShannon;
    }

    // Pasted from the script's output; every case is compared with categories_reference.
    private static readonly Case[] Cases =
    [
        new("categories_current", ["bronze", "gold", "platinum", "silver"], statistic: 16.249377014491653, pValue: 0.0010079972525186714, psi: 0.037790553491423871, jensenShannon: 0.068618352086423043),
        new("categories_new_current", ["bronze", "diamond", "gold", "platinum", "silver"], statistic: double.PositiveInfinity, pValue: 0, psi: 0.32234277760725405, jensenShannon: 0.14218671566608779),
        new("categories_lost_current", ["bronze", "gold", "platinum", "silver"], statistic: 101.68568100921271, pValue: 6.7455062527986123e-22, psi: 1.5511009502013255, jensenShannon: 0.27333179574862571),
    ];

    public static TheoryData<string> Names() => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_categorical_measure_agrees_with_scipy(string name)
    {
        var expected = Cases.Single(c => c.Name == name);
        var column = Compare(ReferenceSamples.Text("categories_reference"), ReferenceSamples.Text(name));

        Assert.Equal(DriftColumnType.Categorical, column.Type);
        Assert.Equal(expected.Categories, column.Bins.Select(b => b.Label));
        if (double.IsPositiveInfinity(expected.Statistic))
            Assert.Null(column.Statistic); // infinite: JSON carries null
        else
            Close.Relative(expected.Statistic, column.Statistic, Tolerance, "chi-square");
        Close.Relative(expected.PValue, column.PValue, Tolerance, "p-value");
        Close.Relative(expected.Psi, column.Psi, Tolerance, "PSI");
        Close.Relative(expected.JensenShannon, column.JensenShannon, Tolerance, "Jensen-Shannon");
    }

    [Fact]
    public void A_category_new_in_the_current_sample_is_drift_by_chi_square()
    {
        var column = Compare(ReferenceSamples.Text("categories_reference"), ReferenceSamples.Text("categories_new_current"));
        Assert.Equal(DriftMethod.ChiSquare, column.Method);
        Assert.Equal(0.0, column.Score);
        Assert.True(column.Drifted);
    }

    private static ColumnDrift Compare(string?[] reference, string?[] current) =>
        Assert.Single(DriftAudit.Run([DriftColumn.Text("tier", reference, current)]).Columns);
}
