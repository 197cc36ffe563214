using System.Text.Json.Nodes;
using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>
/// <c>steward audit drift</c> end to end on CSV files: the table, the documented JSON, the
/// reports, the exit code for pipelines, and one line naming whatever is wrong with the input.
/// </summary>
public sealed class AuditDriftCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-cli-drift-").FullName;
    private readonly string _reference;
    private readonly string _current;

    public AuditDriftCommandTests()
    {
        // 300 rows: income shifts by a third of its spread, age stays, plan gains a category.
        _reference = Write("reference.csv", i => $"c{i},{Income(i)},{20 + i % 50},{(i % 3 == 0 ? "pro" : "basic")}");
        _current = Write("current.csv", i => $"c{i},{Income(i) + 300},{20 + i % 50},{(i % 5 == 0 ? "enterprise" : i % 3 == 0 ? "pro" : "basic")}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_table_shows_every_column_and_the_data_set_verdict()
    {
        var result = await Drift();
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("income", result.Stdout);
        Assert.Contains("DRIFT", result.Stdout);
        Assert.Contains("Not compared: id — every reference value is different (an identifier?)", result.Stdout);
        Assert.Contains("Data set DRIFT: 2 of 3 columns drifted (66.7 %), at or above 50 %.", result.Stdout);
    }

    [Fact]
    public async Task Json_output_is_the_documented_report()
    {
        var result = await Drift("--output", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(300, (long)json["referenceRows"]!);
        Assert.True((bool)json["datasetDrift"]!);
        var income = json["columns"]!.AsArray().Single(c => (string?)c!["column"] == "income")!;
        Assert.Equal("numeric", (string?)income["type"]);
        Assert.Equal("ks", (string?)income["method"]);
        Assert.True((double)income["pValue"]! < 0.05);
        var plan = json["columns"]!.AsArray().Single(c => (string?)c!["column"] == "plan")!;
        Assert.Null(plan["statistic"]); // a new category: infinite chi-square
        Assert.Equal(_reference, (string?)json["source"]!["reference"]);
    }

    [Fact]
    public async Task A_chosen_method_and_threshold_decide()
    {
        var result = await Drift("--columns", "income,age", "--method", "psi", "--threshold", "5", "--output", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var columns = JsonNode.Parse(result.Stdout)!["columns"]!.AsArray();
        Assert.All(columns, c => Assert.Equal("psi", (string?)c!["method"]));
        Assert.All(columns, c => Assert.False((bool)c!["drifted"]!));
    }

    [Fact]
    public async Task Fail_on_drift_exits_2_naming_the_share()
    {
        var result = await Drift("--fail-on-drift");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("steward: data set drift: 2 of 3 columns drifted", result.Stderr.Trim());
        Assert.Equal(0, (await Drift("--fail-on-drift", "--columns", "age")).ExitCode);
    }

    [Fact]
    public async Task Html_and_markdown_reports_are_written()
    {
        var html = Path.Combine(_folder, "out", "drift.html");
        var markdown = Path.Combine(_folder, "out", "drift.md");
        Assert.Equal(0, (await Drift("--report", html)).ExitCode);
        Assert.Equal(0, (await Drift("--report", markdown)).ExitCode);
        Assert.Contains("<svg", await File.ReadAllTextAsync(html));
        Assert.Contains("drift_files/drift-income.svg", await File.ReadAllTextAsync(markdown));
        Assert.True(File.Exists(Path.Combine(_folder, "out", "drift_files", "drift-income.svg")));
    }

    [Fact]
    public async Task A_filter_applies_to_both_files()
    {
        var result = await Drift("--where", "age < 30", "--columns", "age", "--output", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(60, (long)JsonNode.Parse(result.Stdout)!["columns"]![0]!["reference"]!["count"]!);
    }

    [Theory]
    [InlineData("missing file", "--current", "{folder}/nope.csv", "data file '{folder}/nope.csv' does not exist")]
    [InlineData("unknown column", "--columns", "income,salary", "column 'salary' is not in '{folder}/reference.csv'")]
    [InlineData("text forced numeric", "--numeric", "plan", "column 'plan' holds a value that is not a number at row 1")]
    [InlineData("threshold alone", "--threshold", "0.2", "--threshold needs --method")]
    [InlineData("bad report name", "--report", "{folder}/drift.pdf", "--report: '{folder}/drift.pdf' must end in .html, .htm, .md or .markdown")]
    [InlineData("bad filter", "--where", "no_such_column > 1", "--where: data file '{folder}/reference.csv' with filter 'no_such_column > 1' cannot be read")]
    [InlineData("bad reference filter", "--reference-where", "no_such_column > 1", "--reference-where: data file '{folder}/reference.csv' with filter 'no_such_column > 1' cannot be read")]
    [InlineData("bad current filter", "--current-where", "plan = 'pro", "--current-where: data file '{folder}/current.csv' with filter 'plan = 'pro' cannot be read")]
    [InlineData("p-value threshold out of range", "--method", "ks", "the ks threshold is a p-value and must be between 0 and 1")]
    public async Task Bad_input_exits_1_with_one_line_naming_the_problem(string _, string option, string value, string message)
    {
        string[] extra = option == "--method" ? ["--threshold", "2"] : [];
        var args = new List<string> { "audit", "drift", "--reference", _reference, "--current", _current };
        var at = args.IndexOf(option);
        if (at >= 0)
            args[at + 1] = value.Replace("{folder}", _folder);
        else
            args.AddRange([option, value.Replace("{folder}", _folder)]);
        args.AddRange(extra);

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("steward: error: ", line);
        Assert.Contains(message.Replace("{folder}", _folder), line);
    }

    [Theory]
    [InlineData("--method", "median")]
    [InlineData("--bins", "1")]
    [InlineData("--drift-share", "0")]
    public async Task Bad_options_exit_1(string option, string value)
    {
        var result = await Drift(option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option, result.Stderr);
    }

    private Task<CliResult> Drift(params string[] extra) =>
        CliRunner.RunAsync(["audit", "drift", "--reference", _reference, "--current", _current, .. extra]);

    private static double Income(int i) => 1000 + 1000 * ((i * 37 % 300) / 300.0);

    private string Write(string name, Func<int, string> row)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, ["id,income,age,plan", .. Enumerable.Range(0, 300).Select(row)]);
        return path;
    }
}
