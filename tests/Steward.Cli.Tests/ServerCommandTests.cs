using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary><c>steward server</c> as a user runs it: a subprocess that answers, then stops on SIGTERM.</summary>
public sealed partial class ServerCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));

    [GeneratedRegex(@"listening on (http://\S+) with (.+) \(")]
    private static partial Regex StartupLine();

    [Fact]
    public async Task server_answers_health_and_stops_cleanly_on_sigterm()
    {
        using var process = Process.Start(CliRunner.StartInfo(["server", "--port", "0", "--data", _dataDirectory]))!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var match = StartupLine().Match(line ?? "");
            Assert.True(match.Success, $"unexpected start-up line: {line}");
            Assert.Contains("SQLite", match.Groups[2].Value, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
            Assert.Equal("OK", await http.GetStringAsync("/health"));
            Assert.True(File.Exists(Path.Combine(_dataDirectory, "steward.db")));

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
            Assert.Equal("", await process.StandardError.ReadToEndAsync());
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetStringAsync("/health"));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task server_on_a_busy_port_exits_3_with_one_line()
    {
        using var busy = new TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync("server", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", _dataDirectory);
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("steward: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task an_out_of_range_port_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("server", "--port", "70000", "--data", _dataDirectory);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--port", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
