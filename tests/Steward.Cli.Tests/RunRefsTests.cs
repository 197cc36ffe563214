using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Cli.Tests.Support;
using Steward.Storage;
using Steward.Tests.Support;
using Steward.Tracking;

namespace Steward.Cli.Tests;

/// <summary>Run ids on the command line: a unique prefix names a run, as git's abbreviated hashes do; <c>runs search -q</c> prints ids alone.</summary>
public sealed class RunRefsTests(TokenServerFixture server) : IClassFixture<TokenServerFixture>
{
    private Task<CliResult> Steward(params string[] args) => CliRunner.RunAsync([.. args, "--server", server.Url, "--token", server.AdminToken]);

    private static void AssertOk(CliResult result) => Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}{result.Stdout}");

    /// <summary>Runs whose ids share a fresh 12-digit prefix, written straight to the store (the server chooses ids itself).</summary>
    private async Task<(string Experiment, string Prefix)> RunsSharingAPrefixAsync(params string[] suffixes)
    {
        var experiment = await server.Admin.CreateExperimentAsync(StewardServerFixture.Unique("refs"));
        var prefix = Guid.NewGuid().ToString("N")[..12];
        await using var storage = await StewardStorage.OpenAsync(new StorageOptions { DataDirectory = server.DataDirectory }, CancellationToken.None);
        foreach (var suffix in suffixes)
        {
            var change = AuditedChange.Of(new TestActor(), "test.seed_run", "test", new JsonObject { ["run"] = prefix + suffix });
            await storage.Tracking.CreateRunAsync(change, new NewRun(prefix + suffix, experiment.ExperimentId, "seeded", "admin", 0, [new Tag(TrackingService.RunNameTag, "seeded")]), CancellationToken.None);
        }

        return (experiment.Name, prefix);
    }

    [Fact]
    public async Task runs_show_takes_a_unique_prefix_of_a_run_id()
    {
        var run = await server.Admin.CreateRunAsync((await server.Admin.CreateExperimentAsync(StewardServerFixture.Unique("show"))).ExperimentId, "prefixed");
        var result = await Steward("runs", "show", run.RunId[..7]);
        AssertOk(result);
        Assert.Contains(run.RunId, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("prefixed", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_ambiguous_prefix_exits_1_naming_the_candidates()
    {
        var (_, prefix) = await RunsSharingAPrefixAsync("a0000000000000000001", "a0000000000000000002");
        var result = await Steward("runs", "show", prefix + "a");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"steward: error: run id prefix '{prefix}a' is ambiguous: {prefix}a0000000000000000001, {prefix}a0000000000000000002",
            result.Stderr.TrimEnd());
        AssertOk(await Steward("runs", "show", prefix + "a0000000000000000002"));
    }

    [Fact]
    public async Task a_prefix_no_run_id_starts_with_exits_1()
    {
        var (_, prefix) = await RunsSharingAPrefixAsync("00000000000000000001");
        var result = await Steward("runs", "show", prefix + "f");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"steward: error: no run id starts with '{prefix}f'", result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task a_prefix_shorter_than_four_characters_exits_1_saying_so()
    {
        var result = await Steward("runs", "show", "4f6");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least 4 characters", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task runs_search_quiet_prints_only_run_ids_one_a_line()
    {
        var (experiment, prefix) = await RunsSharingAPrefixAsync("00000000000000000001", "00000000000000000002");
        var all = await Steward("runs", "search", "--experiment", experiment, "-q");
        AssertOk(all);
        Assert.Equal([prefix + "00000000000000000001", prefix + "00000000000000000002"], all.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());

        var one = await Steward("runs", "search", "--experiment", experiment, "--max-results", "1", "--quiet");
        AssertOk(one);
        Assert.Matches($"^{prefix}0000000000000000000[12]\n$", one.Stdout);
    }

    private sealed class TestActor : ICurrentActor
    {
        public string Name => "admin";
    }
}
