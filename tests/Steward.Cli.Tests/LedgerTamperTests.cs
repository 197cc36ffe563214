using System.Text.Json;
using Steward.Audit.Heads;
using Steward.Cli.Tests.Support;
using Steward.Client;

namespace Steward.Cli.Tests;

/// <summary>
/// Tampering that recomputes every hash (or cuts the tail) is caught against signed heads kept
/// outside the database, whatever happens to the heads stored in it; verification names the
/// first changed entry.
/// </summary>
public sealed class LedgerTamperTests
{
    public static TheoryData<string> Backends => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task a_consistent_rewrite_of_entry_10_is_named_against_a_saved_head_even_with_the_stored_heads_deleted(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        var heads = Path.Combine(Path.GetTempPath(), $"heads-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var server = await site.StartAsync())
            {
                using var client = new StewardClient(server.Address);
                await LedgerSite.WriteAsync(client, 7); // entries 0..9 (0: the cookie key of the first start)
                var saved = await CliRunner.RunAsync("audit", "head", "--server", server.Address.AbsoluteUri, "--save", heads);
                Assert.True(saved.ExitCode == 0, saved.Stderr);
                await LedgerSite.WriteAsync(client, 0); // entries 10, 11
                await File.AppendAllTextAsync(heads, HeadsFile.Format(await SignedAsync(client)) + "\n");
            }

            Assert.Equal(12, await site.ScalarAsync("SELECT tree_size FROM ledger_state"));
            await site.RewriteEntryAsync(10, "experiment/someone-else");
            await site.ExecuteAsync("DELETE FROM ledger_heads");

            var blind = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs]);
            Assert.True(blind.ExitCode == 0, "without heads kept elsewhere the rewrite is invisible: " + blind.Stderr);

            var result = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs, "--heads", heads]);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("steward: error: audit verification failed at entry 10: the entries differ from those the tree head of size 12", result.Stderr.Trim(), StringComparison.Ordinal);
            Assert.Contains("the first changed entry is one of 10 to 11 (the head of size 10 matches", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(heads);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task heads_saved_after_each_write_name_exactly_the_changed_entry(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        var heads = Path.Combine(Path.GetTempPath(), $"heads-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var server = await site.StartAsync())
            {
                using var client = new StewardClient(server.Address);
                var run = await LedgerSite.WriteAsync(client, 7); // entries 0..9 (0: the cookie key of the first start)
                for (var i = 0; i < 4; i++)
                {
                    await File.AppendAllTextAsync(heads, HeadsFile.Format(await SignedAsync(client)) + "\n");
                    await client.LogParamAsync(run, $"q{i}", "x"); // entries 10..13
                }
            }

            await site.RewriteEntryAsync(10, "run/someone-else");
            await site.ExecuteAsync("DELETE FROM ledger_heads");

            var result = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs, "--heads", heads]);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("steward: error: audit verification failed at entry 10: entry 10 differs from the one the tree head of size 11", result.Stderr.Trim(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(heads);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task cutting_the_tail_is_reported_against_a_saved_head(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        var heads = Path.Combine(Path.GetTempPath(), $"heads-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var server = await site.StartAsync())
            {
                using var client = new StewardClient(server.Address);
                await LedgerSite.WriteAsync(client, 5); // entries 0..7 (0: the cookie key of the first start)
                await File.AppendAllTextAsync(heads, HeadsFile.Format(await SignedAsync(client)) + "\n");
            }

            await site.CutTailAsync(3);
            await site.ExecuteAsync("DELETE FROM ledger_heads");

            var result = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs, "--heads", heads]);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("steward: error: audit verification failed at entry 5: entry 5 is missing: the tree head of", result.Stderr.Trim(), StringComparison.Ordinal);
            Assert.Contains("signed 8 entries, the log holds 5 (its tail was cut)", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(heads);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task cutting_the_tail_is_reported_against_the_stored_heads(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        await using (var server = await site.StartAsync())
        {
            using var client = new StewardClient(server.Address);
            await LedgerSite.WriteAsync(client, 5); // entries 0..7 (0: the cookie key of the first start)
            await client.GetLedgerHeadAsync();
        }

        await site.CutTailAsync(2);
        var result = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at entry 6: entry 6 is missing", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task the_server_signs_and_stores_a_head_on_its_own_after_n_entries(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        await using var server = await site.StartAsync(headEntries: 5);
        using var client = new StewardClient(server.Address);
        await LedgerSite.WriteAsync(client, 4); // 6 entries, no head asked for
        var deadline = DateTime.UtcNow.AddSeconds(15);
        long signed;
        while ((signed = await site.ScalarAsync("SELECT COALESCE(MAX(tree_size), 0) FROM ledger_heads")) < 5 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(signed >= 5, $"largest stored head: {signed}");
    }

    [Fact]
    public async Task an_export_always_carries_a_head_of_the_exported_entries()
    {
        await using var site = await LedgerSite.CreateAsync("sqlite");
        await using (var server = await site.StartAsync())
        {
            using var client = new StewardClient(server.Address);
            await LedgerSite.WriteAsync(client, 1); // entries 0..3 (0: the cookie key of the first start)
        }

        Assert.Equal(0, await site.ScalarAsync("SELECT COUNT(*) FROM ledger_heads"));
        var bundle = Path.Combine(site.DataDirectory, "bundle.json");
        var export = await CliRunner.RunAsync(["audit", "export", .. site.StorageArgs, "--out", bundle]);
        Assert.True(export.ExitCode == 0, export.Stderr);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(bundle));
        var head = Assert.Single(json.RootElement.GetProperty("heads").EnumerateArray());
        Assert.Equal(4, head.GetProperty("treeSize").GetInt64());
        Assert.Equal(json.RootElement.GetProperty("rootHash").GetString(), head.GetProperty("rootHash").GetString());
    }

    private static async Task<Steward.Audit.SignedTreeHead> SignedAsync(StewardClient client)
    {
        var head = await client.GetLedgerHeadAsync();
        return HeadsFile.FromPublished(head.TreeSize, head.RootHash, head.Timestamp, head.Signature, head.PublicKey);
    }
}
