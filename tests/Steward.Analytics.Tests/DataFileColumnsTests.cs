using System.Globalization;
using System.Text;
using Steward.Analytics.Files;

namespace Steward.Analytics.Tests;

/// <summary>Whole-column reads straight from DuckDB's vectors: values, NULLs, long and non-ASCII text, many chunks, CSV and Parquet.</summary>
public sealed class DataFileColumnsTests : IDisposable
{
    private const int Rows = 5000; // several of DuckDB's 2,048-row chunks
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-datafile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Numbers_and_text_of_several_columns_come_back_row_for_row_from_csv()
    {
        var path = WriteCsv();
        using var file = DataFile.Open(path);

        var numbers = file.ReadNumberColumns(["amount", "count"]);
        var text = file.ReadTextColumns(["name", "count"]);

        for (var i = 0; i < Rows; i++)
        {
            Assert.Equal(Amount(i) ?? double.NaN, numbers[0][i]);
            Assert.Equal(i, numbers[1][i]);
            Assert.Equal(Name(i), text[0][i]);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), text[1][i]);
        }
    }

    [Fact]
    public void Parquet_reads_the_same_values()
    {
        var csv = WriteCsv();
        var parquet = Path.Combine(_folder, "data.parquet");
        ParquetFiles.FromCsv(csv, parquet);
        using var csvFile = DataFile.Open(csv);
        using var parquetFile = DataFile.Open(parquet);

        Assert.Equal(csvFile.ReadNumberColumns(["amount"])[0], parquetFile.ReadNumberColumns(["amount"])[0]);
        Assert.Equal(csvFile.ReadTextColumns(["name"])[0], parquetFile.ReadTextColumns(["name"])[0]);
    }

    [Fact]
    public void A_filter_applies_to_column_reads()
    {
        using var file = DataFile.Open(WriteCsv(), "\"count\" % 2 = 0");
        var counts = file.ReadNumberColumns(["count"])[0];
        Assert.Equal(Rows / 2, counts.Length);
        Assert.All(counts, c => Assert.Equal(0, c % 2));
    }

    [Fact]
    public void Text_read_as_numbers_must_parse_and_blanks_are_missing()
    {
        var path = Path.Combine(_folder, "mixed.csv");
        File.WriteAllText(path, "value\n1.5\n \n2\nabc\n");
        using var file = DataFile.Open(path);
        var error = Assert.Throws<DataFileException>(() => file.ReadNumberColumns(["value"]));
        Assert.Equal("column 'value' holds a value that is not a number at row 4", error.Message);

        File.WriteAllText(path, "value\n1.5\n \n2\n");
        using var clean = DataFile.Open(path);
        Assert.Equal([1.5, double.NaN, 2.0], clean.ReadNumberColumns(["value"])[0]);
    }

    [Fact]
    public void A_value_that_breaks_the_sniffed_type_deep_in_a_csv_is_an_error_naming_it()
    {
        // DuckDB guesses BIGINT from the first rows; the text comes only after them, mid-stream.
        var path = Path.Combine(_folder, "late.csv");
        File.WriteAllLines(path, ["n", .. Enumerable.Range(0, 100_000).Select(i => i.ToString(CultureInfo.InvariantCulture)), "oops"]);
        using var file = DataFile.Open(path);
        var error = Assert.Throws<DataFileException>(() => file.ReadNumberColumns(["n"]));
        Assert.Contains("'n'", error.Message);
        Assert.True(error.Message.Contains("oops"), error.Message);
    }

    private string WriteCsv()
    {
        var path = Path.Combine(_folder, "data.csv");
        var csv = new StringBuilder("count,amount,name\n");
        for (var i = 0; i < Rows; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{i},{Amount(i)?.ToString("R", CultureInfo.InvariantCulture)},{Name(i)}\n");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static double? Amount(int i) => i % 7 == 3 ? null : i * 0.25 - 100;

    // Short (inlined by DuckDB), long (stored by pointer), non-ASCII, and missing.
    private static string? Name(int i) => (i % 4) switch
    {
        0 => null,
        1 => "ab" + i,
        2 => "a name longer than twelve bytes " + i,
        _ => "Zürich-Ωmega-" + i,
    };
}
