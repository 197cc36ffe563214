using System.Globalization;
using System.Text.Json;
using Steward.Audit;
using Steward.Cli.Tests.Support;
using Steward.Storage;
using Steward.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>
/// <c>steward audit entries</c>: the table shows each entry's outcome, and <c>--since</c>/<c>--until</c>
/// (ISO 8601 or how long ago) reach the API's time filters; a bad time exits 1 naming the option.
/// </summary>
public sealed class AuditEntriesCommandTests(AuditEntriesCommandTests.World world) : IClassFixture<AuditEntriesCommandTests.World>
{
    private Task<CliResult> Steward(params string[] args) => CliRunner.RunAsync(["audit", "entries", .. args, "--server", world.Url]);

    [Fact]
    public async Task the_table_shows_ok_and_denied_in_the_outcome_column()
    {
        var denied = await Steward("--actor", "mallory");
        Assert.True(denied.ExitCode == 0, denied.Stderr);
        Assert.Contains("Outcome", denied.Stdout, StringComparison.Ordinal);
        Assert.Contains("denied", denied.Stdout, StringComparison.Ordinal);

        var ok = await Steward("--actor", "local-admin");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        var row = ok.Stdout.Split('\n').First(l => l.Contains("experiment.create", StringComparison.Ordinal));
        Assert.Contains(" ok ", row, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", ok.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task since_and_until_an_entrys_own_time_split_the_ledger_there()
    {
        var all = await EntriesAsync();
        var cut = all[all.Count / 2].Timestamp;

        var since = await EntriesAsync("--since", cut);
        var until = await EntriesAsync("--until", cut);

        Assert.Equal(all.Where(e => string.CompareOrdinal(e.Timestamp, cut) >= 0).Select(e => e.Index), since.Select(e => e.Index));
        Assert.Equal(all.Where(e => string.CompareOrdinal(e.Timestamp, cut) < 0).Select(e => e.Index), until.Select(e => e.Index));
        Assert.NotEmpty(until);
    }

    [Fact]
    public async Task a_duration_or_a_date_bounds_the_entries_by_how_long_ago_they_were_appended()
    {
        var all = await EntriesAsync();
        Assert.Equal(all.Count, (await EntriesAsync("--since", "1h")).Count);
        Assert.Empty(await EntriesAsync("--until", "1h"));
        Assert.Equal(all.Count, (await EntriesAsync("--since", "2000-01-01")).Count);
        Assert.Empty(await EntriesAsync("--until", "2000-01-01T00:00:00Z"));
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--until", "7x")]
    public async Task a_bad_time_exits_1_with_one_line_naming_the_option(string option, string value)
    {
        var result = await Steward(option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"steward: error: {option} must be an ISO 8601 date or date-time", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task since_after_until_exits_1()
    {
        var result = await Steward("--since", "1d", "--until", "2d");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--since", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("is after --until", result.Stderr, StringComparison.Ordinal);
    }

    private async Task<List<LedgerEntry>> EntriesAsync(params string[] args)
    {
        var result = await Steward([.. args, "--output", "json", "--max-results", "10000"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonSerializer.Deserialize<LedgerEntryPage>(result.Stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Entries.ToList();
    }

    /// <summary>A server whose ledger holds writes at distinct milliseconds and one refused request by mallory.</summary>
    public sealed class World : IAsyncLifetime
    {
        private readonly StewardServerFixture _server = new();

        public string Url => _server.Address.AbsoluteUri.TrimEnd('/');

        public async Task InitializeAsync()
        {
            await _server.InitializeAsync();
            for (var i = 0; i < 4; i++)
            {
                await _server.Client.CreateExperimentAsync($"entries-{i}-{Guid.NewGuid():N}");
                await Task.Delay(20);
            }

            // A refusal as the server records one: an entry of its own with outcome denied.
            await using var storage = await StewardStorage.OpenAsync(new StorageOptions { DataDirectory = _server.DataDirectory }, CancellationToken.None);
            await storage.Ledger.AppendBatchAsync([new NewAuditEntry("mallory", "auth.denied", "experiment/0", new string('0', 64), AuditEntry.Denied)], CancellationToken.None);
        }

        public Task DisposeAsync() => _server.DisposeAsync();
    }
}
