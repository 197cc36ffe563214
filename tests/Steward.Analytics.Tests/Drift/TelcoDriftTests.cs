using Steward.Analytics.Drift;
using Steward.Analytics.Files;
using Steward.Stats.Drift;

namespace Steward.Analytics.Tests.Drift;

/// <summary>
/// Drift on real data read from CSV through DuckDB: Telco customers who churned against those who
/// stayed differ in tenure, charges and contract (drift); men and women do not (no drift). Expected
/// values: tests/Steward.Stats.Tests/Reference/drift_reference.py ("TelcoCases", pandas + SciPy 1.10).
/// </summary>
public sealed class TelcoDriftTests
{
    private static readonly string Telco = Path.Combine(RepoPaths.Datasets, "telco-churn", "telco-customer-churn.csv");

    [Fact]
    public void Customers_who_churned_drift_from_those_who_stayed_in_tenure_charges_and_contract()
    {
        var report = Compare("Churn = 'No'", "Churn = 'Yes'", ["tenure", "MonthlyCharges", "Contract"]);

        var tenure = report.Columns.Single(c => c.Column == "tenure");
        Assert.Equal(new SampleSummary(5174, 0, 0, 72), tenure.Reference);
        Assert.Equal(new SampleSummary(1869, 0, 1, 72), tenure.Current);
        Assert.Equal(0.35736012242138376, tenure.Statistic);
        Close(1.6315209230283446e-156, tenure.PValue);
        Close(19.595084013722147, tenure.Wasserstein);
        Close(0.81268803930484246, tenure.WassersteinNormed);
        Close(0.84177630461608177, tenure.Psi);
        Close(0.3069029694322607, tenure.JensenShannon);

        var charges = report.Columns.Single(c => c.Column == "MonthlyCharges");
        Assert.Equal(0.24859894401422267, charges.Statistic);
        Close(4.8273596245863354e-75, charges.PValue);
        Close(0.43962216177775959, charges.WassersteinNormed);
        Close(0.37953628313499627, charges.Psi);

        var contract = report.Columns.Single(c => c.Column == "Contract");
        Assert.Equal(DriftColumnType.Categorical, contract.Type);
        Close(1608.7843793340048, contract.Statistic);
        Assert.Equal(0.0, contract.PValue);
        Close(1.238559792784284, contract.Psi);
        Close(0.36672329694918537, contract.JensenShannon);

        Assert.All(report.Columns, c => Assert.True(c.Drifted, c.Column));
        Assert.True(report.DatasetDrift);
    }

    [Fact]
    public void Men_and_women_do_not_drift_in_tenure_or_charges()
    {
        var report = Compare("gender = 'Female'", "gender = 'Male'", ["tenure", "MonthlyCharges"]);

        var tenure = report.Columns.Single(c => c.Column == "tenure");
        Assert.Equal(0.013727838423721597, tenure.Statistic);
        Close(0.88768491636112723, tenure.PValue);
        Close(0.014830300206956413, tenure.WassersteinNormed);
        Close(0.0074979096182395642, tenure.Psi);

        var charges = report.Columns.Single(c => c.Column == "MonthlyCharges");
        Close(0.36845575453040058, charges.PValue);
        Close(0.029422277777184976, charges.WassersteinNormed);

        Assert.All(report.Columns, c => Assert.False(c.Drifted, c.Column));
        Assert.False(report.DatasetDrift);
    }

    [Fact]
    public void The_first_and_second_half_of_the_file_do_not_drift()
    {
        var lines = File.ReadAllLines(Telco);
        var half = (lines.Length - 1) / 2;
        var folder = Directory.CreateTempSubdirectory("steward-telco-").FullName;
        try
        {
            var first = Path.Combine(folder, "first.csv");
            var second = Path.Combine(folder, "second.csv");
            File.WriteAllLines(first, lines.Take(1 + half));
            File.WriteAllLines(second, [lines[0], .. lines.Skip(1 + half)]);

            var report = DriftFiles.Run(first, second, null, new DriftFileOptions());

            Assert.Equal(20, report.Columns.Count);
            Assert.Equal(0, report.DriftedColumns);
            Assert.False(report.DatasetDrift);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Every_shared_column_is_compared_except_the_customer_id()
    {
        var report = Compare("Churn = 'No'", "Churn = 'Yes'", columns: null);
        AssertChurnSplit(report);
        Assert.Equal(DriftColumnType.Categorical, report.Columns.Single(c => c.Column == "SeniorCitizen").Type); // 0/1
    }

    [Fact]
    public void Split_into_two_files_by_churn_every_column_but_the_customer_id_is_compared_as_in_one_file()
    {
        // The file of customers who stayed holds the 11 blank TotalCharges, so DuckDB reads the column
        // as text there and as numbers in the file of those who churned.
        var lines = File.ReadAllLines(Telco);
        var folder = Directory.CreateTempSubdirectory("steward-telco-churn-").FullName;
        try
        {
            var stayed = Path.Combine(folder, "stayed.csv");
            var churned = Path.Combine(folder, "churned.csv");
            File.WriteAllLines(stayed, [lines[0], .. lines.Skip(1).Where(l => l.EndsWith(",No", StringComparison.Ordinal))]);
            File.WriteAllLines(churned, [lines[0], .. lines.Skip(1).Where(l => l.EndsWith(",Yes", StringComparison.Ordinal))]);

            var report = DriftFiles.Run(stayed, churned, null, new DriftFileOptions());

            Assert.Equal((5174, 1869), (report.ReferenceRows, report.CurrentRows));
            AssertChurnSplit(report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Churn_itself_drifts_each_side_holding_a_category_the_other_lacks()
    {
        var churn = Assert.Single(Compare("Churn = 'No'", "Churn = 'Yes'", ["Churn"]).Columns);
        Assert.Equal(DriftColumnType.Categorical, churn.Type);
        Assert.Null(churn.Statistic); // infinite chi-square: "Yes" is new in the current sample
        Assert.Equal(0.0, churn.PValue);
        Close(18.418838675877971, churn.Psi);
        Close(0.83255461115769769, churn.JensenShannon); // √ln 2: disjoint
        Assert.True(churn.Drifted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // numbers stored as text (blanks made DuckDB type the column VARCHAR) are found
    public void Blank_total_charges_are_missing_when_the_column_is_read_as_numbers(bool forced)
    {
        var report = Compare(null, null, ["TotalCharges"], numeric: forced ? ["TotalCharges"] : null);
        var column = Assert.Single(report.Columns);
        Assert.Equal(DriftColumnType.Numeric, column.Type);
        Assert.Equal((7032, 11), (column.Reference.Count, column.Reference.Missing)); // 11 customers with tenure 0 have " "
        Assert.False(column.Drifted);
    }

    /// <summary>
    /// Customers who stayed against those who churned, over all columns: 17 of 20 drift, among them
    /// TotalCharges compared as numbers with its blanks missing (drift_reference.py "telco_TotalCharges").
    /// </summary>
    private static void AssertChurnSplit(DriftReport report)
    {
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal("customerID", skipped.Column);
        Assert.Contains("identifier", skipped.Reason);
        Assert.Equal(20, report.Columns.Count);
        Assert.Equal(17, report.DriftedColumns);
        Assert.Equal(["gender", "PhoneService", "MultipleLines"], report.Columns.Where(c => !c.Drifted).Select(c => c.Column));
        Assert.True(report.DatasetDrift);
        Assert.Equal(DriftColumnType.Categorical, report.Columns.Single(c => c.Column == "Churn").Type);

        var total = report.Columns.Single(c => c.Column == "TotalCharges");
        Assert.Equal(DriftColumnType.Numeric, total.Type);
        Assert.Equal((5163, 11), (total.Reference.Count, total.Reference.Missing));
        Assert.Equal((1869, 0), (total.Current.Count, total.Current.Missing));
        Assert.Equal(0.22401928277790886, total.Statistic);
        Close(7.3613120247329408e-61, total.PValue);
        Close(1023.5857767128684, total.Wasserstein);
        Close(0.43945216648150687, total.WassersteinNormed);
        Close(0.33463729903761447, total.Psi);
        Close(0.20118473303358039, total.JensenShannon);
        Assert.True(total.Drifted);
    }

    private static DriftReport Compare(string? referenceFilter, string? currentFilter, IReadOnlyList<string>? columns, IReadOnlyList<string>? numeric = null)
    {
        using var reference = DataFile.Open(Telco, referenceFilter);
        using var current = DataFile.Open(Telco, currentFilter);
        return DriftFiles.Run(reference, current, new DriftFileOptions { Columns = columns, Numeric = numeric ?? [] });
    }

    // Tolerance 1e-12 relative, as in the engine's agreement tests.
    private static void Close(double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - expected) <= 1e-12 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
    }
}
