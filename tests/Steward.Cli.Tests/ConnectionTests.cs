using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>Where the CLI sends requests, and what it says when nobody answers.</summary>
public sealed class ConnectionTests(SeededServerFixture world) : IClassFixture<SeededServerFixture>
{
    private static string Nowhere() => $"http://127.0.0.1:{FreePort.Find()}";

    [Fact]
    public async Task unreachable_server_exits_3_with_one_line()
    {
        var url = Nowhere();
        var result = await CliRunner.RunAsync("experiments", "list", "--server", url);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"steward: error: cannot reach the Steward server at {url}: connection refused", result.Stderr.TrimEnd());
    }

    [Fact]
    public async Task steward_url_is_used_when_no_flag_is_given()
    {
        var result = await CliRunner.RunAsync(["models", "list"], new Dictionary<string, string?> { ["STEWARD_URL"] = world.Url });
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("churn-model", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_flag_beats_the_environment()
    {
        var result = await CliRunner.RunAsync(["models", "list", "--server", world.Url], new Dictionary<string, string?> { ["STEWARD_URL"] = Nowhere() });
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task mlflow_tracking_uri_is_understood_when_steward_url_is_unset()
    {
        var result = await CliRunner.RunAsync(["experiments", "list"], new Dictionary<string, string?> { ["MLFLOW_TRACKING_URI"] = world.Url });
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("churn", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task steward_url_beats_mlflow_tracking_uri()
    {
        var environment = new Dictionary<string, string?> { ["STEWARD_URL"] = world.Url, ["MLFLOW_TRACKING_URI"] = Nowhere() };
        Assert.Equal(0, (await CliRunner.RunAsync(["experiments", "list"], environment)).ExitCode);
    }

    [Fact]
    public async Task an_invalid_server_url_exits_1()
    {
        var result = await CliRunner.RunAsync("experiments", "list", "--server", "ftp://example");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("steward: error: invalid server URL", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_missing_argument_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("runs", "show");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("run-id", result.Stderr, StringComparison.Ordinal);
    }
}
