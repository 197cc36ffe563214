using System.Text.Json.Nodes;
using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>
/// <c>steward audit drift</c> with a filter per side: two parts of one file compared in one command
/// (the Telco walk-through of docs/drift.md), <c>--where</c> applying to both sides as well, and a filter
/// that cannot be read named by its option.
/// </summary>
public sealed class AuditDriftSplitTests : IDisposable
{
    private static readonly string Telco = Path.Combine(FindDatasets(), "telco-churn", "telco-customer-churn.csv");
    private readonly string _folder = Directory.CreateTempSubdirectory("steward-cli-drift-split-").FullName;
    private readonly string _data;

    public AuditDriftSplitTests()
    {
        _data = Path.Combine(_folder, "data.csv");
        File.WriteAllLines(_data, ["plan,age", .. Enumerable.Range(0, 300).Select(i => $"{(i % 3 == 0 ? "pro" : "basic")},{20 + i % 50}")]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Each_side_reads_its_own_rows_of_one_file()
    {
        var result = await Split("plan = 'pro'", "plan = 'basic'");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.Equal((100, 200), ((long)json["referenceRows"]!, (long)json["currentRows"]!));
        Assert.Equal("plan = 'pro'", (string?)json["source"]!["referenceWhere"]);
        Assert.Equal("plan = 'basic'", (string?)json["source"]!["currentWhere"]);
    }

    [Fact]
    public async Task Where_applies_to_both_sides_as_well()
    {
        var result = await Split("plan = 'pro'", "plan = 'basic'", "--where", "age < 30");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        var young = Enumerable.Range(0, 300).Where(i => 20 + i % 50 < 30).ToArray();
        Assert.Equal(young.Count(i => i % 3 == 0), (long)json["referenceRows"]!);
        Assert.Equal(young.Count(i => i % 3 != 0), (long)json["currentRows"]!);
        Assert.Equal("(age < 30) AND (plan = 'pro')", (string?)json["source"]!["referenceWhere"]);
    }

    [Theory]
    [InlineData("no_such > 1", "plan = 'basic'", "--where")]
    [InlineData("age < 30", "no_such > 1", "--current-where")]
    public async Task A_filter_that_cannot_be_read_with_the_other_is_named_by_its_option(string where, string currentWhere, string option)
    {
        var result = await Split("plan = 'pro'", currentWhere, "--where", where);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith($"steward: error: {option}: data file '{_data}' with filter 'no_such > 1' cannot be read", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telco_customers_who_churned_drift_from_those_who_stayed_in_17_of_20_columns()
    {
        var result = await CliRunner.RunAsync(["audit", "drift", "--reference", Telco, "--current", Telco,
            "--reference-where", "Churn = 'No'", "--current-where", "Churn = 'Yes'"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("│ TotalCharges     │ numeric     │ wasserstein   │ 0.4395 │", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Not compared: customerID — every reference value is different (an identifier?)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Data set DRIFT: 17 of 20 columns drifted (85.0 %), at or above 50 %.", result.Stdout, StringComparison.Ordinal);
    }

    private Task<CliResult> Split(string referenceWhere, string currentWhere, params string[] extra) =>
        CliRunner.RunAsync(["audit", "drift", "--reference", _data, "--current", _data,
            "--reference-where", referenceWhere, "--current-where", currentWhere, "--output", "json", .. extra]);

    private static string FindDatasets()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
                return Path.Combine(dir.FullName, "datasets");
        }
        throw new DirectoryNotFoundException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }
}
