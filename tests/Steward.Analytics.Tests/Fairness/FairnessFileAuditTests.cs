using Steward.Analytics.Fairness;
using Steward.Analytics.Files;
using Steward.Stats.Fairness;
using Steward.Stats.Tests.Fairness;

namespace Steward.Analytics.Tests.Fairness;

/// <summary>Counting in DuckDB gives the reference values, from CSV and from Parquet.</summary>
public sealed class FairnessFileAuditTests : IDisposable
{
    private static readonly string Compas = Path.Combine(RepoPaths.Datasets, "compas", "compas-scores-two-years.csv");
    private static readonly string Synthetic = Path.Combine(RepoPaths.Datasets, "..", "tests", "Steward.Stats.Tests", "Reference", "fairness_synthetic.csv");
    private static readonly FairnessOptions NoBootstrap = new() { Bootstrap = null };
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-fairness-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static FairnessReport Audit(string path, FairnessDataSpec spec, string? where = null)
    {
        using var file = DataFile.Open(path, where);
        return FairnessFileAudit.Run(file, spec, NoBootstrap);
    }

    private static readonly FairnessDataSpec CompasByRace = new()
    {
        Label = "two_year_recid", Score = "decile_score", Threshold = 5, Sensitive = ["race"],
    };

    [Fact]
    public void Compas_by_race_counted_in_duckdb_agrees_with_the_reference()
    {
        var report = Audit(Compas, CompasByRace);
        FairnessAssert.Groups(FairnessReference.CompasByRace, report);
        FairnessAssert.Disparities(FairnessReference.CompasByRaceBetweenGroups, report.Disparities);
    }

    [Fact]
    public void ProPublicas_false_positive_and_negative_rates_come_out_of_the_file()
    {
        var groups = Audit(Compas, CompasByRace).Groups.ToDictionary(g => g.Group["race"]!);
        var black = groups["African-American"];
        var white = groups["Caucasian"];
        Assert.Equal(805.0 / (805 + 990), black.FalsePositiveRate!.Value, 1e-12);
        Assert.Equal(532.0 / (532 + 1369), black.FalseNegativeRate!.Value, 1e-12);
        Assert.Equal(349.0 / (349 + 1139), white.FalsePositiveRate!.Value, 1e-12);
        Assert.Equal(461.0 / (461 + 505), white.FalseNegativeRate!.Value, 1e-12);
        Assert.Equal(FairnessReference.ProPublicaBlackFalsePositivePercent, Math.Round(100 * black.FalsePositiveRate.Value, 2));
        Assert.Equal(FairnessReference.ProPublicaBlackFalseNegativePercent, Math.Round(100 * black.FalseNegativeRate.Value, 2));
        Assert.Equal(FairnessReference.ProPublicaWhiteFalsePositivePercent, Math.Round(100 * white.FalsePositiveRate.Value, 2));
        Assert.Equal(FairnessReference.ProPublicaWhiteFalseNegativePercent, Math.Round(100 * white.FalseNegativeRate.Value, 2));
    }

    [Fact]
    public void The_notebooks_filter_gives_ProPublicas_cohort_by_race()
    {
        var report = Audit(Compas, CompasByRace, "days_b_screening_arrest BETWEEN -30 AND 30");
        Assert.Equal(6172, report.Overall.Count);
        Assert.Equal(FairnessReference.ProPublicaCohortByRace.Select(r => (r.Race, r.Count)),
            report.Groups.Select(g => (g.Group["race"]!, g.Count)));
        Assert.Equal("days_b_screening_arrest BETWEEN -30 AND 30", report.Source!.Where);
    }

    [Fact]
    public void Race_by_sex_intersections_counted_in_duckdb_agree_with_the_reference()
    {
        var report = Audit(Compas, CompasByRace with { Sensitive = ["race", "sex"] });
        FairnessAssert.Groups(FairnessReference.CompasByRaceSex, report);
        FairnessAssert.Disparities(FairnessReference.CompasByRaceSexBetweenGroups, report.Disparities);
    }

    [Fact]
    public void A_binary_prediction_column_is_read_as_0_and_1()
    {
        var report = Audit(Synthetic, new FairnessDataSpec { Label = "outcome", Prediction = "approved", Sensitive = ["region"] });
        FairnessAssert.Groups(FairnessReference.SyntheticByRegion, report);
    }

    [Fact]
    public void A_named_positive_value_reads_a_text_label()
    {
        var report = Audit(Synthetic, new FairnessDataSpec { Label = "outcome_text", Positive = "yes", Prediction = "approved", Sensitive = ["region"] });
        FairnessAssert.Groups(FairnessReference.SyntheticByRegion, report);
    }

    [Fact]
    public void Missing_sensitive_values_are_their_own_group_and_empty_intersections_are_listed()
    {
        var report = Audit(Synthetic, new FairnessDataSpec { Label = "outcome", Score = "score", Threshold = 0.6, Sensitive = ["region", "sex"] });
        FairnessAssert.Groups(FairnessReference.SyntheticByRegionSex, report);
        FairnessAssert.Disparities(FairnessReference.SyntheticByRegionSexBetweenGroups, report.Disparities);
    }

    [Fact]
    public void A_parquet_file_gives_the_same_counts_as_its_csv()
    {
        var parquet = Path.Combine(_folder, "synthetic.parquet");
        ParquetFiles.FromCsv(Synthetic, parquet);
        var report = Audit(parquet, new FairnessDataSpec { Label = "outcome", Score = "score", Threshold = 0.6, Sensitive = ["region", "sex"] });
        FairnessAssert.Groups(FairnessReference.SyntheticByRegionSex, report);
    }

    [Fact]
    public void Boolean_label_and_prediction_columns_are_read_as_true_and_false()
    {
        var parquet = Path.Combine(_folder, "booleans.parquet");
        ParquetFiles.FromCsv(Synthetic, parquet, "region, outcome = 1 AS outcome, approved = 1 AS approved");
        var report = Audit(parquet, new FairnessDataSpec { Label = "outcome", Prediction = "approved", Sensitive = ["region"] });
        FairnessAssert.Groups(FairnessReference.SyntheticByRegion, report);
    }
}
