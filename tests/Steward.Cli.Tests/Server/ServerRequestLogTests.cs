using System.Diagnostics;
using System.Globalization;
using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests.Server;

/// <summary>
/// <c>steward server</c> logs each request on standard error, and the usual logging
/// configuration — a <c>Logging__LogLevel__&lt;category&gt;</c> variable — turns it down.
/// </summary>
public sealed class ServerRequestLogTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task each_request_is_a_line_on_standard_error()
    {
        // ServerProcess turns the request log off unless a test sets a level: this one sets the default's.
        var log = await RequestThenStopAsync(new Dictionary<string, string?> { ["Logging__LogLevel__Steward.Requests"] = "Information" });
        var line = Assert.Single(log.Split('\n'), l => l.Contains("GET /api/v1/experiments", StringComparison.Ordinal));
        Assert.Matches(@"info: Steward\.Requests\[1101\] GET /api/v1/experiments answered 200 in \d+\.\d ms to local-admin \(request \S+\)$", line);
    }

    [Fact]
    public async Task a_logging_variable_for_the_category_turns_it_off()
    {
        var log = await RequestThenStopAsync(new Dictionary<string, string?> { ["Logging__LogLevel__Steward.Requests"] = "Warning" });
        Assert.DoesNotContain("Steward.Requests", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_logging_variable_for_all_of_steward_wins_over_the_commands_default()
    {
        var log = await RequestThenStopAsync(new Dictionary<string, string?> { ["Logging__LogLevel__Steward"] = "Warning" });
        Assert.DoesNotContain("Steward.Requests", log, StringComparison.Ordinal);
    }

    /// <summary>Starts the server, asks it one thing, stops it, and returns what it wrote on standard error.</summary>
    private async Task<string> RequestThenStopAsync(IReadOnlyDictionary<string, string?>? environment)
    {
        using var server = await ServerProcess.StartAsync(_dataDirectory, environment);
        using (var http = new HttpClient { BaseAddress = server.Address })
        {
            (await http.GetAsync("/api/v1/experiments")).EnsureSuccessStatusCode();
        }

        using (var kill = Process.Start("kill", ["-TERM", server.Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (await server.Process.StandardError.ReadToEndAsync()).Replace("\r", "", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
