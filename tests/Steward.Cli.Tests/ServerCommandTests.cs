using System.Diagnostics;
using System.Net.Sockets;
using Steward.Cli.Tests.Support;
using Steward.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary><c>steward server</c> as a user runs it: a subprocess that answers, then stops on SIGTERM.</summary>
public sealed class ServerCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task server_answers_health_and_stops_cleanly_on_sigterm()
    {
        await RunServerUntilSigtermAsync(null, "SQLite");
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "steward.db")));
    }

    [Fact]
    public async Task server_uses_the_postgresql_database_named_by_steward_db()
    {
        var database = $"steward_cli_{Guid.NewGuid():N}";
        var connectionString = await TestPostgres.CreateDatabaseAsync(database);
        try
        {
            await RunServerUntilSigtermAsync(new Dictionary<string, string?> { ["STEWARD_DB"] = connectionString }, "PostgreSQL");
            Assert.False(File.Exists(Path.Combine(_dataDirectory, "steward.db")));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private async Task RunServerUntilSigtermAsync(IReadOnlyDictionary<string, string?>? environment, string storage)
    {
        using var server = await ServerProcess.StartAsync(_dataDirectory, environment);
        var process = server.Process;
        Assert.Contains(storage, server.Storage, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = server.Address };
        Assert.Equal("OK", await http.GetStringAsync("/health"));

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await process.StandardError.ReadToEndAsync());
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetStringAsync("/health"));
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
