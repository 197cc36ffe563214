using Steward.Analytics.Fairness;
using Steward.Analytics.Files;

namespace Steward.Analytics.Tests.Fairness;

/// <summary>Columns a fairness audit cannot use are refused with a message naming the column and the problem.</summary>
public sealed class FairnessInputErrorTests : IDisposable
{
    private static readonly string Compas = Path.Combine(RepoPaths.Datasets, "compas", "compas-scores-two-years.csv");
    private static readonly string Telco = Path.Combine(RepoPaths.Datasets, "telco-churn", "telco-customer-churn.csv");
    private static readonly FairnessDataSpec CompasSpec = new() { Label = "two_year_recid", Score = "decile_score", Threshold = 5, Sensitive = ["race"] };
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-fairness-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Error(string path, FairnessDataSpec spec, string? where = null)
    {
        using var file = DataFile.Open(path, where);
        return Assert.Throws<DataFileException>(() => FairnessCounting.Count(file, spec)).Message;
    }

    private string Csv(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_missing_column_is_named_with_the_files_columns()
    {
        var message = Error(Compas, CompasSpec with { Sensitive = ["ethnicity"] });
        Assert.Contains("column 'ethnicity' is not in", message);
        Assert.Contains("race", message);
    }

    [Fact]
    public void A_label_that_is_not_binary_is_refused_with_its_values()
    {
        var message = Error(Compas, CompasSpec with { Label = "score_text" });
        Assert.Equal("label column 'score_text' is not binary 0/1 or true/false (it holds 'High', 'Low', 'Medium'); name the positive value with --positive", message);
    }

    [Fact]
    public void A_label_with_null_rows_is_refused_with_their_number()
    {
        var message = Error(Compas, CompasSpec with { Label = "days_b_screening_arrest" });
        Assert.Equal("label column 'days_b_screening_arrest' is NULL in 307 rows; filter them out with --where", message);
    }

    [Fact]
    public void A_numeric_prediction_that_is_not_binary_points_to_the_score_options()
    {
        var message = Error(Compas, CompasSpec with { Score = null, Threshold = null, Prediction = "decile_score" });
        Assert.StartsWith("prediction column 'decile_score' is not binary", message);
        Assert.EndsWith("for a score use --score with --threshold", message);
    }

    [Fact]
    public void A_positive_value_the_label_never_holds_is_refused()
    {
        var message = Error(Telco, new FairnessDataSpec { Label = "Churn", Positive = "Maybe", Score = "MonthlyCharges", Threshold = 70, Sensitive = ["gender"] });
        Assert.Equal("label column 'Churn' never holds the positive value 'Maybe'; it holds 'No', 'Yes'", message);
    }

    [Fact]
    public void A_label_with_more_than_two_values_is_refused_even_with_a_positive_value()
    {
        var message = Error(Compas, CompasSpec with { Label = "score_text", Positive = "High" });
        Assert.Equal("label column 'score_text' is not binary: besides 'High' it holds 'Low', 'Medium'", message);
    }

    [Fact]
    public void A_text_score_is_refused()
    {
        var message = Error(Compas, CompasSpec with { Score = "race" });
        Assert.Equal("score column 'race' is not numeric (it is VARCHAR)", message);
    }

    [Fact]
    public void A_sensitive_column_that_is_null_everywhere_is_refused()
    {
        var path = Csv("empty-group.csv", "label,prediction,group,region\n1,1,,a\n0,1,,b\n0,0,,a\n");
        var message = Error(path, new FairnessDataSpec { Label = "label", Prediction = "prediction", Sensitive = ["region", "group"] });
        Assert.Equal("sensitive column 'group' is empty: it is NULL in every row", message);
    }

    [Fact]
    public void A_filter_that_selects_nothing_is_refused()
    {
        var message = Error(Compas, CompasSpec, "age > 200");
        Assert.Equal($"the filter 'age > 200' selects no row of '{Compas}'", message);
    }

    [Fact]
    public void An_identifier_used_as_a_sensitive_column_is_refused()
    {
        var path = Path.Combine(_folder, "ids.parquet");
        ParquetFiles.Write(path, "SELECT i AS id, i % 2 AS label, (i // 2) % 2 AS prediction FROM range(20000) t(i)");
        var message = Error(path, new FairnessDataSpec { Label = "label", Prediction = "prediction", Sensitive = ["id"] });
        Assert.Equal("the sensitive columns 'id' make more than 10,000 groups; is one of them an identifier?", message);
    }

    [Fact]
    public void A_score_without_threshold_is_refused()
    {
        var message = Error(Compas, CompasSpec with { Threshold = null });
        Assert.Equal("the score column 'decile_score' needs a threshold (a score at or above it is a positive prediction)", message);
    }
}
