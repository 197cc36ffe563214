using Steward.Analytics.Drift;
using Steward.Analytics.Files;
using Steward.Stats.Drift;

namespace Steward.Analytics.Tests.Drift;

/// <summary>Which columns of two files are compared, how they are typed, and what is refused.</summary>
public sealed class DriftFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-drift-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Columns_in_one_file_only_are_skipped_and_named()
    {
        var reference = Write("reference.csv", "a,b,old", i => $"{i},{i % 3},{i}");
        var current = Write("current.csv", "a,b,new", i => $"{i + 5},{i % 3},{i}");

        var report = DriftFiles.Run(reference, current, null, new DriftFileOptions());

        Assert.Equal(["a", "b"], report.Columns.Select(c => c.Column));
        Assert.Equal(new DriftSource(reference, null, current, null), report.Source);
        Assert.Equal([$"only in the reference file '{reference}'", $"only in the current file '{current}'"],
            report.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public void A_named_column_missing_from_a_file_is_an_error_naming_the_file()
    {
        var reference = Write("reference.csv", "a,old", i => $"{i},{i}");
        var current = Write("current.csv", "a,new", i => $"{i},{i}");
        var error = Assert.Throws<DataFileException>(() => DriftFiles.Run(reference, current, null, new DriftFileOptions { Columns = ["a", "old"] }));
        Assert.StartsWith($"column 'old' is not in '{current}'", error.Message);
    }

    [Fact]
    public void A_column_numeric_in_one_file_and_holding_a_word_in_the_other_is_skipped_naming_the_word()
    {
        var reference = Write("reference.csv", "a", i => $"{i}");
        var current = Write("current.csv", "a", i => i == 50 ? "n/a" : $"{i}");
        var report = DriftFiles.Run(reference, current, null, new DriftFileOptions());
        Assert.Empty(report.Columns);
        Assert.Equal(100, report.ReferenceRows);
        Assert.Equal("numeric in the reference file but text (VARCHAR) in the current file, where 'n/a' is not a number; name it as categorical to compare it",
            Assert.Single(report.Skipped).Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_column_numeric_in_one_file_and_numbers_with_blanks_in_the_other_is_numeric_blanks_missing(bool blanksInReference)
    {
        // DuckDB reads the file with " " values as text, the other as numbers (Telco's TotalCharges split by Churn).
        var numbers = Write("numbers.csv", "a,b", i => $"{i}.5,{i % 3}");
        var blanks = Write("blanks.csv", "a,b", i => $"{(i % 10 == 0 ? " " : $"{i}.5")},{i % 3}");
        var (reference, current) = blanksInReference ? (blanks, numbers) : (numbers, blanks);

        var report = DriftFiles.Run(reference, current, null, new DriftFileOptions());

        Assert.Empty(report.Skipped);
        var a = report.Columns.Single(c => c.Column == "a");
        Assert.Equal(DriftColumnType.Numeric, a.Type);
        var (withBlanks, withoutBlanks) = blanksInReference ? (a.Reference, a.Current) : (a.Current, a.Reference);
        Assert.Equal((90, 10), (withBlanks.Count, withBlanks.Missing));
        Assert.Equal((100, 0), (withoutBlanks.Count, withoutBlanks.Missing));
    }

    [Fact]
    public void A_column_numeric_in_one_file_and_only_blank_in_the_other_has_no_values_to_compare()
    {
        var reference = Write("reference.csv", "a,b", i => $"{i},{i}");
        var current = Write("current.csv", "a,b", i => $" ,{i}");
        var report = DriftFiles.Run(reference, current, null, new DriftFileOptions());
        Assert.Equal(["b"], report.Columns.Select(c => c.Column));
        Assert.Equal(new SkippedColumn("a", "no values in the current sample"), Assert.Single(report.Skipped));
    }

    [Fact]
    public void Text_forced_numeric_must_parse()
    {
        var reference = Write("reference.csv", "a", i => $"{i}");
        var current = Write("current.csv", "a", i => i == 50 ? "n/a" : $"{i}");
        var error = Assert.Throws<DataFileException>(() => DriftFiles.Run(reference, current, null, new DriftFileOptions { Numeric = ["a"] }));
        Assert.Equal("column 'a' holds a value that is not a number at row 51", error.Message);
    }

    [Fact]
    public void Numbers_forced_categorical_are_compared_as_categories()
    {
        var reference = Write("reference.csv", "code", i => $"{i % 10}");
        var current = Write("current.csv", "code", i => $"{i % 10}");
        var report = DriftFiles.Run(reference, current, null, new DriftFileOptions { Categorical = ["CODE"] });
        var column = Assert.Single(report.Columns);
        Assert.Equal(DriftColumnType.Categorical, column.Type);
        Assert.Equal("code", column.Column); // the file's spelling
    }

    [Fact]
    public void A_column_cannot_be_both_numeric_and_categorical()
    {
        var path = Write("reference.csv", "a", i => $"{i}");
        var error = Assert.Throws<DataFileException>(() => DriftFiles.Run(path, path, null, new DriftFileOptions { Numeric = ["a"], Categorical = ["a"] }));
        Assert.Equal("column 'a' cannot be both numeric and categorical", error.Message);
    }

    [Fact]
    public void Dates_are_skipped_unless_given_a_type()
    {
        var path = Write("reference.csv", "day,x", i => $"2024-01-{i % 28 + 1:00},{i}");
        var report = DriftFiles.Run(path, path, null, new DriftFileOptions());
        Assert.Equal(["x"], report.Columns.Select(c => c.Column));
        Assert.Contains("dates and times are not compared", Assert.Single(report.Skipped).Reason);

        var forced = DriftFiles.Run(path, path, null, new DriftFileOptions { Categorical = ["day"] });
        Assert.Equal(DriftColumnType.Categorical, forced.Columns.Single(c => c.Column == "day").Type);
    }

    [Fact]
    public void The_filter_applies_to_both_files()
    {
        var path = Write("data.csv", "group,x", i => $"{(i < 50 ? "a" : "b")},{(i < 50 ? i : i + 1000)}");
        var report = DriftFiles.Run(path, path, "\"group\" = 'a'", new DriftFileOptions { Columns = ["x"] });
        var x = Assert.Single(report.Columns);
        Assert.Equal(50, x.Reference.Count);
        Assert.False(x.Drifted);
    }

    [Fact]
    public void Each_file_takes_its_own_filter()
    {
        var path = Write("data.csv", "group,x", i => $"{(i < 50 ? "a" : "b")},{(i < 50 ? i : i + 1000)}");
        var report = DriftFiles.Run(path, "\"group\" = 'a'", path, "\"group\" = 'b' AND x < 1080", new DriftFileOptions { Columns = ["x"] });
        var x = Assert.Single(report.Columns);
        Assert.Equal((50, 30), (x.Reference.Count, x.Current.Count));
        Assert.True(x.Drifted);
        Assert.Equal(new DriftSource(path, "\"group\" = 'a'", path, "\"group\" = 'b' AND x < 1080"), report.Source);
    }

    [Fact]
    public void Bad_engine_options_are_data_file_errors()
    {
        var path = Write("data.csv", "x", i => $"{i}");
        var error = Assert.Throws<DataFileException>(() => DriftFiles.Run(path, path, null,
            new DriftFileOptions { Drift = new DriftOptions { Bins = 1 } }));
        Assert.Contains("bins", error.Message);
    }

    private string Write(string name, string header, Func<int, string> row)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, [header, .. Enumerable.Range(0, 100).Select(row)]);
        return path;
    }
}
