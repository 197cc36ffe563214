using Steward.Analytics.Files;

namespace Steward.Analytics.Tests;

public sealed class DataFileTests
{
    private static readonly string Compas = Path.Combine(RepoPaths.Datasets, "compas", "compas-scores-two-years.csv");

    [Fact]
    public void Compas_csv_has_all_7214_rows()
    {
        using var file = DataFile.Open(Compas);
        Assert.Equal(7214, file.CountRows());
    }

    [Fact]
    public void A_where_filter_selects_ProPublicas_cohort()
    {
        using var file = DataFile.Open(Compas, "days_b_screening_arrest BETWEEN -30 AND 30");
        Assert.Equal(6172, file.CountRows());
        Assert.Equal(6172, file.ReadNumbers("decile_score").Length);
    }

    [Fact]
    public void An_unknown_column_is_named_in_the_error()
    {
        using var file = DataFile.Open(Compas);
        var error = Assert.Throws<DataFileException>(() => file.ReadNumbers("no_such_column"));
        Assert.Contains("'no_such_column'", error.Message);
    }

    [Fact]
    public void A_text_column_read_as_numbers_is_refused()
    {
        using var file = DataFile.Open(Compas);
        var error = Assert.Throws<DataFileException>(() => file.ReadNumbers("race"));
        Assert.Contains("'race'", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var error = Assert.Throws<DataFileException>(() => DataFile.Open("/nonexistent/data.csv"));
        Assert.Contains("/nonexistent/data.csv", error.Message);
    }

    [Fact]
    public void A_broken_filter_is_named_in_the_error()
    {
        var error = Assert.Throws<DataFileException>(() => DataFile.Open(Compas, "no_such_column > 1"));
        Assert.Contains("no_such_column > 1", error.Message);
    }

    [Fact]
    public void A_filter_cannot_read_another_file()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"steward-secret-{Guid.NewGuid():N}.csv");
        File.WriteAllText(secret, "token\nhunter2\n");
        try
        {
            var filter = $"sex IN (SELECT token FROM read_csv('{secret}'))";
            var error = Assert.Throws<DataFileException>(() => DataFile.Open(Compas, filter).Dispose());
            Assert.Contains("cannot be read", error.Message);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_filter_cannot_turn_file_access_back_on()
    {
        var filter = "true); SET lock_configuration = false; SET enable_external_access = true; SELECT (1";
        var error = Assert.Throws<DataFileException>(() => DataFile.Open(Compas, filter).Dispose());
        Assert.Contains("configuration has been locked", error.Message);
    }
}
