using Steward.Analytics.Files;

namespace Steward.Analytics.Tests;

public sealed class BinaryLabelsTests
{
    private static readonly string Compas = Path.Combine(RepoPaths.Datasets, "compas", "compas-scores-two-years.csv");
    private static readonly string Telco = Path.Combine(RepoPaths.Datasets, "telco-churn", "telco-customer-churn.csv");

    [Fact]
    public void A_zero_one_column_is_read_as_labels()
    {
        using var file = DataFile.Open(Compas);
        var labels = BinaryLabels.Read(file, "two_year_recid");
        Assert.Equal(7214, labels.Length);
        Assert.Equal(3251, labels.Count(l => l));
    }

    [Fact]
    public void A_named_positive_value_marks_positive_rows()
    {
        using var file = DataFile.Open(Telco);
        var labels = BinaryLabels.Read(file, "Churn", positive: "Yes");
        Assert.Equal(1869, labels.Count(l => l));
    }

    [Fact]
    public void A_text_label_without_positive_value_is_refused()
    {
        using var file = DataFile.Open(Telco);
        var error = Assert.Throws<DataFileException>(() => BinaryLabels.Read(file, "Churn"));
        Assert.Contains("'Churn' is not binary", error.Message);
        Assert.Contains("--positive", error.Message);
    }

    [Fact]
    public void A_column_with_more_than_two_values_is_not_binary()
    {
        using var file = DataFile.Open(Compas);
        var error = Assert.Throws<DataFileException>(() => BinaryLabels.Read(file, "race", positive: "Caucasian"));
        Assert.Contains("not binary", error.Message);
    }
}
