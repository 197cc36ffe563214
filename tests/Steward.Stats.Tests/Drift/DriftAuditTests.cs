using System.Text.Json.Nodes;
using Steward.Stats.Drift;

namespace Steward.Stats.Tests.Drift;

/// <summary>What a drift audit decides and reports: methods, thresholds, types, missing values, the data-set flag.</summary>
public sealed class DriftAuditTests
{
    private static readonly double[] Small = ReferenceSamples.Numbers("exact_unequal_reference");
    private static readonly double[] SmallShifted = ReferenceSamples.Numbers("exact_equal_current");

    [Fact]
    public void Identical_samples_do_not_drift()
    {
        var column = Single(DriftColumn.Numeric("x", Small, [.. Small]));
        Assert.False(column.Drifted);
        Assert.Equal(0.0, column.Statistic);
        Assert.Equal(1.0, column.PValue);
        Assert.Equal(0.0, column.Psi);
        Assert.Equal(0.0, column.JensenShannon);
        Assert.Equal(0.0, column.Wasserstein);
    }

    [Fact]
    public void A_small_numeric_reference_is_decided_by_the_ks_p_value()
    {
        var column = Single(DriftColumn.Numeric("x", Small, SmallShifted));
        Assert.Equal(DriftMethod.KolmogorovSmirnov, column.Method);
        Assert.Equal(0.05, column.Threshold);
        Assert.Equal(column.PValue, column.Score);
        Assert.Equal(column.PValue < 0.05, column.Drifted);
    }

    [Fact]
    public void A_large_numeric_reference_is_decided_by_the_normed_wasserstein_distance()
    {
        var reference = ReferenceSamples.Generated(1, 5000, 0, 1);
        var current = ReferenceSamples.Generated(2, 5000, 0.5, 1);
        var column = Single(DriftColumn.Numeric("x", reference, current));
        Assert.Equal(DriftMethod.Wasserstein, column.Method);
        Assert.Equal(column.WassersteinNormed, column.Score);
        Assert.True(column.Drifted); // half a standard deviation ≥ 0.1
    }

    [Fact]
    public void Categorical_columns_use_chi_square_when_small_and_jensen_shannon_when_large()
    {
        string?[] Repeat(int times, params string[] values) => [.. Enumerable.Repeat(values, times).SelectMany(v => v)];
        Assert.Equal(DriftMethod.ChiSquare, Single(DriftColumn.Text("c", Repeat(100, "a", "b"), Repeat(100, "a", "b"))).Method);
        Assert.Equal(DriftMethod.JensenShannon, Single(DriftColumn.Text("c", Repeat(1000, "a", "b"), Repeat(100, "a", "b"))).Method);
    }

    [Fact]
    public void A_chosen_method_and_threshold_decide_every_column_they_apply_to()
    {
        var options = new DriftOptions { Method = DriftMethod.Psi, Threshold = 5.0 };
        var report = DriftAudit.Run([
            DriftColumn.Numeric("x", Small, SmallShifted),
            DriftColumn.Text("c", ReferenceSamples.Text("categories_reference"), ReferenceSamples.Text("categories_lost_current")),
        ], options);
        Assert.All(report.Columns, c => Assert.Equal(DriftMethod.Psi, c.Method));
        Assert.All(report.Columns, c => Assert.Equal(5.0, c.Threshold));
        Assert.All(report.Columns, c => Assert.False(c.Drifted)); // no PSI reaches 5
    }

    [Fact]
    public void A_method_that_does_not_fit_a_column_leaves_it_its_default()
    {
        var column = Single(DriftColumn.Text("c", ReferenceSamples.Text("categories_reference"), ReferenceSamples.Text("categories_current")),
            new DriftOptions { Method = DriftMethod.KolmogorovSmirnov, Threshold = 0.01 });
        Assert.Equal(DriftMethod.ChiSquare, column.Method);
        Assert.Equal(0.05, column.Threshold);
    }

    [Fact]
    public void Missing_values_are_left_out_and_counted()
    {
        double[] reference = [.. Small, double.NaN, double.PositiveInfinity];
        double[] current = [double.NegativeInfinity, .. SmallShifted, double.NaN, double.NaN];
        var column = Single(DriftColumn.Numeric("x", reference, current));
        var clean = Single(DriftColumn.Numeric("x", Small, SmallShifted));
        Assert.Equal(new SampleSummary(Small.Length, 2, Small.Min(), Small.Max()), column.Reference);
        Assert.Equal(new SampleSummary(SmallShifted.Length, 3, SmallShifted.Min(), SmallShifted.Max()), column.Current);
        Assert.Equal(clean.PValue, column.PValue);
        Assert.Equal(clean.Psi, column.Psi);
    }

    [Fact]
    public void Null_text_is_missing()
    {
        var column = Single(DriftColumn.Text("c", ["a", null, "b", "a"], ["a", "b", null, null]));
        Assert.Equal(new SampleSummary(3, 1), column.Reference);
        Assert.Equal(new SampleSummary(2, 2), column.Current);
        Assert.Equal(["a", "b"], column.Bins.Select(b => b.Label));
    }

    [Fact]
    public void Numbers_with_at_most_five_distinct_values_are_compared_as_categories()
    {
        double[] reference = [0, 1, 1, 2, 2, 2, 3, 4];
        double[] current = [0, 0, 1, 2, 3, 3, 4, 4];
        var column = Single(DriftColumn.Numeric("rating", reference, current));
        Assert.Equal(DriftColumnType.Categorical, column.Type);
        Assert.Equal(["0", "1", "2", "3", "4"], column.Bins.Select(b => b.Label));
        Assert.Null(column.Wasserstein);
    }

    [Fact]
    public void Numbers_can_be_forced_to_categories()
    {
        var column = Single(DriftColumn.Numeric("code", Small, SmallShifted, categorical: true));
        Assert.Equal(DriftColumnType.Categorical, column.Type);
        Assert.Equal(DriftMethod.ChiSquare, column.Test);
    }

    [Fact]
    public void Numeric_bins_are_cut_at_reference_deciles_with_open_ends()
    {
        var column = Single(DriftColumn.Numeric("x", Small, SmallShifted));
        Assert.Equal(10, column.Bins.Count);
        Assert.Null(column.Bins[0].Lower);
        Assert.Null(column.Bins[^1].Upper);
        Assert.All(column.Bins, b => Assert.Equal(0.1, b.Reference, 12)); // 80 values: 8 per decile
        Assert.Equal(1.0, column.Bins.Sum(b => b.Current), 12);
    }

    [Fact]
    public void A_column_without_values_in_one_sample_is_skipped_with_the_reason()
    {
        var report = DriftAudit.Run([DriftColumn.Numeric("x", Small, [double.NaN, double.NaN])]);
        Assert.Empty(report.Columns);
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(new SkippedColumn("x", "no values in the current sample"), skipped);
        Assert.Null(report.DriftedShare);
        Assert.False(report.DatasetDrift);
    }

    [Fact]
    public void The_data_set_drifts_when_the_share_of_drifted_columns_reaches_the_threshold()
    {
        DriftColumn[] columns =
        [
            DriftColumn.Numeric("moved", Small, SmallShifted.Select(v => v + 3).ToArray()),
            DriftColumn.Numeric("same1", Small, [.. Small]),
            DriftColumn.Numeric("same2", Small, [.. Small]),
        ];
        var report = DriftAudit.Run(columns);
        Assert.Equal(1, report.DriftedColumns);
        Assert.Equal(1.0 / 3, report.DriftedShare);
        Assert.False(report.DatasetDrift); // default share 0.5
        Assert.True(DriftAudit.Run(columns, new DriftOptions { DriftShare = 0.3 }).DatasetDrift);
    }

    [Theory]
    [InlineData(1, null, null, 0.5, "bins")]
    [InlineData(10, null, null, 0.0, "drift share")]
    [InlineData(10, null, 0.1, 0.5, "needs a method")]
    [InlineData(10, DriftMethod.KolmogorovSmirnov, 1.5, 0.5, "p-value")]
    [InlineData(10, DriftMethod.Psi, -1.0, 0.5, "positive")]
    public void Options_out_of_range_are_refused_naming_the_option(int bins, DriftMethod? method, double? threshold, double share, string named)
    {
        var options = new DriftOptions { Bins = bins, Method = method, Threshold = threshold, DriftShare = share };
        var error = Assert.Throws<ArgumentException>(() => DriftAudit.Run([DriftColumn.Numeric("x", Small, Small)], options));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_column_given_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DriftAudit.Run([DriftColumn.Numeric("x", Small, Small), DriftColumn.Text("x", ["a"], ["a"])]));
        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void The_json_has_the_documented_names_and_null_for_what_is_undefined()
    {
        var report = DriftAudit.Run([
            DriftColumn.Numeric("x", Small, SmallShifted),
            DriftColumn.Text("tier", ReferenceSamples.Text("categories_reference"), ReferenceSamples.Text("categories_new_current")),
        ]);
        var json = JsonNode.Parse(report.ToJson())!;

        Assert.Equal(["source", "referenceRows", "currentRows", "columns", "skipped", "driftedColumns", "driftedShare", "driftShareThreshold", "datasetDrift", "bins"],
            json.AsObject().Select(p => p.Key));
        var numeric = json["columns"]![0]!;
        Assert.Equal(["column", "type", "method", "threshold", "score", "drifted", "test", "statistic", "pValue", "psi", "wasserstein",
            "wassersteinNormed", "jensenShannon", "reference", "current", "bins"], numeric.AsObject().Select(p => p.Key));
        Assert.Equal("numeric", (string?)numeric["type"]);
        Assert.Equal("ks", (string?)numeric["method"]);
        Assert.Equal(["label", "lower", "upper", "reference", "current"], numeric["bins"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["count", "missing", "min", "max"], numeric["reference"]!.AsObject().Select(p => p.Key));

        var categorical = json["columns"]![1]!;
        Assert.Equal("categorical", (string?)categorical["type"]);
        Assert.Equal("chisquare", (string?)categorical["test"]);
        Assert.Null(categorical["statistic"]); // infinite: a category new in the current sample
        Assert.Equal(0.0, (double?)categorical["pValue"]);
        Assert.Null(categorical["wasserstein"]);
        Assert.Null(categorical["reference"]!["min"]);
    }

    [Fact]
    public void A_report_reads_back_from_its_json()
    {
        var report = DriftAudit.Run([
            DriftColumn.Numeric("x", Small, SmallShifted),
            DriftColumn.Text("tier", ReferenceSamples.Text("categories_reference"), ReferenceSamples.Text("categories_new_current")),
        ]) with { Source = new DriftSource("a.csv", "x > 1", "b.parquet", "x > 1") };

        var back = DriftReport.FromJson(report.ToJson());

        Assert.Equal(report.ToJson(), back.ToJson());
        Assert.Equal(report.Source, back.Source);
        Assert.Equal(report.Columns[0].Bins, back.Columns[0].Bins);
    }

    private static ColumnDrift Single(DriftColumn column, DriftOptions? options = null) =>
        Assert.Single(DriftAudit.Run([column], options).Columns);
}
