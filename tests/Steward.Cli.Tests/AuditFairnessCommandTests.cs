using System.Text.Json.Nodes;
using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>
/// <c>steward audit fairness</c> as a user runs it: the COMPAS audit end to end (JSON, table,
/// reports), and bad input rejected with exit 1 and one line naming the problem.
/// </summary>
public sealed class AuditFairnessCommandTests : IDisposable
{
    private static readonly string Compas = Path.Combine(RepositoryRoot(), "datasets", "compas", "compas-scores-two-years.csv");
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-cli-fairness-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<CliResult> Fairness(params string[] args) =>
        CliRunner.RunAsync(["audit", "fairness", "--input", Compas, "--label", "two_year_recid", "--score", "decile_score", "--threshold", "5", .. args]);

    private static void AssertOneLineError(CliResult result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.Trim().Split('\n');
        Assert.True(lines.Length == 1, result.Stderr);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_compas_audit_prints_the_documented_json()
    {
        var result = await Fairness("--sensitive", "race", "--output", "json", "--bootstrap", "200");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        var black = json["groups"]!.AsArray().Single(g => (string?)g!["group"]!["race"] == "African-American")!;
        // Values from tests/Steward.Stats.Tests/Reference/fairness_reference.py (ProPublica: FPR 44.85 %, FNR 27.99 %).
        Assert.Equal(805.0 / 1795, (double)black["falsePositiveRate"]!, 1e-12);
        Assert.Equal(532.0 / 1901, (double)black["falseNegativeRate"]!, 1e-12);
        Assert.Equal(0.4571175950486295, (double)json["disparities"]!["demographicParityDifference"]!, 1e-9);
        Assert.Equal(0.5766917293233083, (double)json["disparities"]!["equalizedOddsDifference"]!, 1e-9);
        Assert.Equal("Native American", (string?)json["disparities"]!["disparateImpact"]!["referenceGroup"]!["race"]);
        Assert.False((bool)json["disparities"]!["disparateImpact"]!["passesFourFifthsRule"]!);
        Assert.NotNull(json["disparities"]!["intervals"]!["demographicParityDifference"]!["lower"]);
        Assert.Equal(200, (int)json["settings"]!["bootstrap"]!["resamples"]!);
        Assert.Equal("decile_score", (string?)json["source"]!["score"]);
    }

    [Fact]
    public async Task The_same_seed_prints_the_same_intervals()
    {
        var first = await Fairness("--sensitive", "race", "--output", "json", "--bootstrap", "300", "--seed", "7");
        var second = await Fairness("--sensitive", "race", "--output", "json", "--bootstrap", "300", "--seed", "7");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public async Task A_filter_and_an_intersection_audit_ProPublicas_cohort()
    {
        var result = await Fairness("--sensitive", "race,sex", "--where", "days_b_screening_arrest BETWEEN -30 AND 30",
            "--reference-group", "Caucasian,Male", "--bootstrap", "0", "--output", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(6172, (long)json["overall"]!["count"]!);
        Assert.Equal(12, json["groups"]!.AsArray().Count);
        Assert.Equal("given", (string?)json["disparities"]!["disparateImpact"]!["referenceChosenBy"]);
        Assert.Null(json["settings"]!["bootstrap"]);
    }

    [Fact]
    public async Task The_table_names_the_groups_and_the_four_fifths_verdict()
    {
        var result = await Fairness("--sensitive", "race", "--bootstrap", "0");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("African-American", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Demographic parity difference", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Four-fifths rule FAILED: 4 group(s) below 0.8 of Native American's selection rate.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_and_markdown_reports_are_written_with_their_charts()
    {
        var html = Path.Combine(_folder, "compas.html");
        var markdown = Path.Combine(_folder, "compas.md");
        Assert.Equal(0, (await Fairness("--sensitive", "race", "--bootstrap", "100", "--report", html)).ExitCode);
        Assert.Equal(0, (await Fairness("--sensitive", "race", "--bootstrap", "100", "--report", markdown)).ExitCode);
        Assert.Contains("<svg", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        Assert.Contains("compas_files/selection-rate.svg", await File.ReadAllTextAsync(markdown), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "compas_files", "selection-rate.svg")));
    }

    [Fact]
    public async Task A_missing_column_exits_1_naming_it()
    {
        AssertOneLineError(await Fairness("--sensitive", "ethnicity"), "steward: error: column 'ethnicity' is not in");
    }

    [Fact]
    public async Task A_label_that_is_not_binary_exits_1_naming_it()
    {
        var result = await CliRunner.RunAsync("audit", "fairness", "--input", Compas, "--label", "score_text", "--prediction", "is_recid", "--sensitive", "race");
        AssertOneLineError(result, "steward: error: label column 'score_text' is not binary 0/1 or true/false (it holds 'High', 'Low', 'Medium')");
    }

    [Fact]
    public async Task An_unreadable_file_exits_1_naming_it()
    {
        var broken = Path.Combine(_folder, "broken.parquet");
        await File.WriteAllTextAsync(broken, "this is not parquet");
        var result = await CliRunner.RunAsync("audit", "fairness", "--input", broken, "--label", "y", "--prediction", "p", "--sensitive", "g");
        AssertOneLineError(result, $"steward: error: data file '{broken}' cannot be read");
    }

    [Fact]
    public async Task A_file_that_does_not_exist_exits_1_naming_it()
    {
        var result = await CliRunner.RunAsync("audit", "fairness", "--input", "/no/such/file.csv", "--label", "y", "--prediction", "p", "--sensitive", "g");
        AssertOneLineError(result, "steward: error: data file '/no/such/file.csv' does not exist");
    }

    [Fact]
    public async Task Both_a_prediction_and_a_score_exit_1()
    {
        AssertOneLineError(await Fairness("--sensitive", "race", "--prediction", "is_recid"), "give either a prediction column or a score column");
    }

    [Fact]
    public async Task A_reference_group_not_in_the_data_exits_1_listing_the_groups()
    {
        AssertOneLineError(await Fairness("--sensitive", "race", "--reference-group", "Martian"), "the reference group race=Martian is not in the data; its groups are: race=African-American;");
    }

    [Fact]
    public async Task A_report_file_of_unknown_type_is_refused_before_reading_the_data()
    {
        AssertOneLineError(await Fairness("--sensitive", "race", "--report", Path.Combine(_folder, "report.pdf")), "must end in .html, .htm, .md or .markdown");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Steward.slnx not found above " + AppContext.BaseDirectory);
    }
}
