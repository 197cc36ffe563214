using System.Text.Json;
using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>The client verbs, run as the real executable against a real server.</summary>
public sealed class ClientVerbsTests(SeededServerFixture world) : IClassFixture<SeededServerFixture>
{
    private Task<CliResult> Steward(params string[] args) => CliRunner.RunAsync([.. args, "--server", world.Url]);

    [Fact]
    public async Task experiments_list_json_parses_as_the_native_list()
    {
        var result = await Steward("experiments", "list", "--output", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var names = json.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("churn", names);
        Assert.Contains("Default", names);
    }

    [Fact]
    public async Task experiments_list_table_shows_names_and_tags()
    {
        var result = await Steward("experiments", "list");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("churn", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("team=risk", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task experiments_create_then_show_by_name_or_id()
    {
        var created = await Steward("experiments", "create", "fraud");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Created experiment 'fraud'", created.Stdout, StringComparison.Ordinal);

        var byName = await Steward("experiments", "show", "fraud", "-o", "json");
        Assert.Equal(0, byName.ExitCode);
        var id = JsonDocument.Parse(byName.Stdout).RootElement.GetProperty("experimentId").GetString()!;
        var byId = await Steward("experiments", "show", id);
        Assert.Equal(0, byId.ExitCode);
        Assert.Contains("fraud", byId.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task creating_a_duplicate_experiment_exits_1_with_one_line()
    {
        var result = await Steward("experiments", "create", "churn");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("steward: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task runs_search_with_filter_and_order_returns_matching_runs()
    {
        var result = await Steward("runs", "search", "--experiment", "churn", "--filter", "metrics.rmse < 1", "--order-by", "metrics.rmse ASC", "-o", "json");
        Assert.Equal(0, result.ExitCode);
        var names = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("runName").GetString());
        Assert.Equal(["large", "medium"], names);
    }

    [Fact]
    public async Task runs_search_table_pages_with_max_results()
    {
        var result = await Steward("runs", "search", "-e", world.Experiment.ExperimentId, "--max-results", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, world.Runs.Count(r => result.Stdout.Contains(r.RunId, StringComparison.Ordinal)));
        Assert.Contains("--page-token", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task runs_search_with_a_bad_filter_exits_1()
    {
        var result = await Steward("runs", "search", "-e", "churn", "--filter", "metrics.rmse <<< 1");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("steward: error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task runs_search_of_an_unknown_experiment_exits_1()
    {
        var result = await Steward("runs", "search", "-e", "no-such-experiment");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("steward: error: No experiment with id or name 'no-such-experiment'", result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task runs_show_prints_metrics_and_params()
    {
        var run = world.Runs[2];
        var result = await Steward("runs", "show", run.RunId);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rmse", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("0.3", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("size", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task runs_show_unknown_id_exits_1_with_one_line()
    {
        var result = await Steward("runs", "show", "x");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("steward: error: Run with id=x not found", result.Stderr.TrimEnd());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task models_list_shows_latest_versions()
    {
        var result = await Steward("models", "list", "--filter", "name LIKE 'churn%'");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("churn-model", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("v2 Production", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task models_show_lists_versions_stages_and_aliases()
    {
        var table = await Steward("models", "show", "churn-model");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Production", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("champion", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(world.Runs[1].RunId, table.Stdout, StringComparison.Ordinal);

        var json = await Steward("models", "show", "churn-model", "--output", "json");
        Assert.Equal(0, json.ExitCode);
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(2, root.GetProperty("aliases").GetProperty("champion").GetInt32());
        var versions = root.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("Production", versions[0].GetProperty("currentStage").GetString());
    }

    [Fact]
    public async Task models_show_unknown_model_exits_1()
    {
        var result = await Steward("models", "show", "nope");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope", result.Stderr, StringComparison.Ordinal);
    }
}
