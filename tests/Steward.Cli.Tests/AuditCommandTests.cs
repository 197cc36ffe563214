using Microsoft.Data.Sqlite;
using Steward.Cli.Tests.Support;
using Steward.Client;
using Steward.Server;

namespace Steward.Cli.Tests;

/// <summary>
/// <c>steward audit verify|export</c> against a real data folder: a clean ledger verifies (exit
/// 0), an exported bundle verifies offline, and an edited bundle or an edited row fails with
/// exit 2 and one line naming the entry.
/// </summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "steward-cli-audit", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await using var server = await StewardServer.StartAsync(new StewardServerOptions { Port = 0, DataDirectory = _data }, CancellationToken.None);
        using var client = new StewardClient(server.Address);
        var experiment = await client.CreateExperimentAsync($"audit-{Guid.NewGuid():N}");
        var run = await client.CreateRunAsync(experiment.ExperimentId, "r");
        await client.LogMetricAsync(run.RunId, "loss", 0.5);
        await client.GetLedgerHeadAsync();
        await client.LogParamAsync(run.RunId, "lr", "0.1");
        await client.GetLedgerHeadAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task a_clean_ledger_verifies_with_exit_0()
    {
        var result = await CliRunner.RunAsync("audit", "verify", "--data", _data);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("ok: 5 entries and 2 signed heads verified", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_exported_bundle_verifies_offline_and_an_edited_one_fails_naming_the_entry()
    {
        var bundle = Path.Combine(_data, "bundle.json");
        var export = await CliRunner.RunAsync("audit", "export", "--data", _data, "--out", bundle);
        Assert.True(export.ExitCode == 0, export.Stderr);

        var offline = await CliRunner.RunAsync("audit", "verify", "--bundle", bundle);
        Assert.True(offline.ExitCode == 0, offline.Stderr);

        var text = await File.ReadAllTextAsync(bundle);
        var at = text.IndexOf("\"action\":\"run.log_batch\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(bundle, text[..at] + "\"action\":\"run.delete\"" + text[(at + "\"action\":\"run.log_batch\"".Length)..]);
        var tampered = await CliRunner.RunAsync("audit", "verify", "--bundle", bundle);
        Assert.Equal(2, tampered.ExitCode);
        Assert.Equal("steward: error: audit verification failed at entry 3: entry 3: its fields do not match its canonical bytes", tampered.Stderr.Trim());
    }

    [Fact]
    public async Task an_edited_row_fails_verification_with_exit_2_naming_the_entry()
    {
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "steward.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE ledger_entries SET resource = 'run/someone-else' WHERE seq = 1";
            await command.ExecuteNonQueryAsync();
        }

        var result = await CliRunner.RunAsync("audit", "verify", "--data", _data);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("steward: error: audit verification failed at entry 1: entry 1 does not match its stored leaf hash: the entry was changed", result.Stderr.Trim());
    }
}
