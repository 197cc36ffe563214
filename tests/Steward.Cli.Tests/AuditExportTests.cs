using System.Text.Json;
using Steward.Audit;
using Steward.Cli.Tests.Support;
using Steward.Client;
using Steward.Ledger.Signing;
using Steward.Storage;

namespace Steward.Cli.Tests;

/// <summary>
/// <c>steward audit export</c> always writes a bundle whose newest head covers every entry in
/// it: the stored head when it does, else one signed with the ledger key and stored; with
/// neither, it exits 1 naming the key file and writes nothing.
/// </summary>
public sealed class AuditExportTests
{
    public static TheoryData<string> Backends => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task export_of_a_ledger_whose_last_head_is_stale_carries_a_head_at_the_full_size_that_verify_accepts(string backend)
    {
        await using var site = await LedgerSite.CreateAsync(backend);
        await WriteWithStaleHeadAsync(site);
        var bundle = Path.Combine(site.DataDirectory, "bundle.json");

        var export = await CliRunner.RunAsync(["audit", "export", .. site.StorageArgs, "--out", bundle]);

        Assert.True(export.ExitCode == 0, export.Stderr);
        var (size, newestHead) = await SizesAsync(bundle);
        Assert.Equal(await site.ScalarAsync("SELECT tree_size FROM ledger_state"), size);
        Assert.Equal(size, newestHead);
        Assert.Equal(2, await site.ScalarAsync("SELECT COUNT(*) FROM ledger_heads"));
        var verify = await CliRunner.RunAsync("audit", "verify", "--bundle", bundle);
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.StartsWith($"ok: {size} entries and 2 signed heads verified", verify.Stdout, StringComparison.Ordinal);
        var stored = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs]);
        Assert.True(stored.ExitCode == 0, "the head export stored is checked with the others: " + stored.Stderr);
    }

    [Fact]
    public async Task export_reuses_a_stored_head_that_covers_the_ledger_and_then_needs_no_key()
    {
        await using var site = await LedgerSite.CreateAsync("sqlite");
        await using (var server = await site.StartAsync())
        {
            using var client = new StewardClient(server.Address);
            await LedgerSite.WriteAsync(client, 2);
            await client.GetLedgerHeadAsync();
        }

        File.Delete(site.KeyPath);
        var bundle = Path.Combine(site.DataDirectory, "bundle.json");
        var export = await CliRunner.RunAsync(["audit", "export", .. site.StorageArgs, "--out", bundle]);

        Assert.True(export.ExitCode == 0, export.Stderr);
        var (size, newestHead) = await SizesAsync(bundle);
        Assert.Equal(size, newestHead);
        Assert.Equal(1, await site.ScalarAsync("SELECT COUNT(*) FROM ledger_heads"));
        var verify = await CliRunner.RunAsync("audit", "verify", "--bundle", bundle);
        Assert.True(verify.ExitCode == 0, verify.Stderr);
    }

    [Fact]
    public async Task export_without_a_covering_head_or_a_key_file_exits_1_naming_the_key_file_and_writes_nothing()
    {
        await using var site = await LedgerSite.CreateAsync("sqlite");
        await WriteWithStaleHeadAsync(site);
        File.Delete(site.KeyPath);
        var bundle = Path.Combine(site.DataDirectory, "bundle.json");

        var export = await CliRunner.RunAsync(["audit", "export", .. site.StorageArgs, "--out", bundle]);

        Assert.Equal(1, export.ExitCode);
        var size = await site.ScalarAsync("SELECT tree_size FROM ledger_state");
        Assert.Equal(
            $"steward: error: no signed head covers the ledger's {size} entries and there is no ledger key at {site.KeyPath} to sign one; give the ledger's key with --ledger-key",
            export.Stderr.Trim());
        Assert.False(File.Exists(bundle));
        Assert.False(File.Exists(bundle + ".partial"));
        Assert.Equal(1, await site.ScalarAsync("SELECT COUNT(*) FROM ledger_heads"));
        Assert.False(File.Exists(site.KeyPath), "export never creates a key");
    }

    [Fact]
    public async Task export_with_another_key_than_the_ledgers_exits_1_and_writes_nothing()
    {
        await using var site = await LedgerSite.CreateAsync("sqlite");
        await WriteWithStaleHeadAsync(site);
        var other = Path.Combine(site.DataDirectory, "other-key.pem");
        using (var signer = TreeHeadSigner.Generate()) await File.WriteAllTextAsync(other, signer.ExportPkcs8Pem());
        var bundle = Path.Combine(site.DataDirectory, "bundle.json");

        var export = await CliRunner.RunAsync(["audit", "export", .. site.StorageArgs, "--ledger-key", other, "--out", bundle]);

        Assert.Equal(1, export.ExitCode);
        Assert.Contains("give the ledger's key with --ledger-key", export.Stderr, StringComparison.Ordinal);
        Assert.Single(export.Stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(bundle));
        Assert.Equal(1, await site.ScalarAsync("SELECT COUNT(*) FROM ledger_heads"));
    }

    [Fact]
    public async Task a_head_signed_for_an_export_covers_the_size_it_read_even_when_the_log_grew_since()
    {
        await using var site = await LedgerSite.CreateAsync("sqlite");
        await using var server = await site.StartAsync();
        using var client = new StewardClient(server.Address);
        await LedgerSite.WriteAsync(client, 2);
        await using var storage = await StewardStorage.OpenAsync(new StorageOptions { DataDirectory = site.DataDirectory }, CancellationToken.None);
        var snapshot = await LedgerSnapshot.ReadAsync(storage.Ledger, CancellationToken.None);

        await LedgerSite.WriteAsync(client, 3); // the server appends while the export runs
        using var signer = TreeHeadSigner.FromPkcs8Pem(await File.ReadAllTextAsync(site.KeyPath));
        var head = await new AuditService(storage.Ledger, signer, TimeProvider.System).GetHeadAtAsync(snapshot.TreeSize, CancellationToken.None);
        using var bundle = new MemoryStream();
        var written = await AuditBundle.ExportAsync(storage.Ledger, snapshot.With(head), signer.PublicKey, bundle, CancellationToken.None);

        Assert.Equal(snapshot.TreeSize, written);
        Assert.Equal(snapshot.TreeSize, head.Head.TreeSize);
        Assert.True((await storage.Ledger.GetStateAsync(CancellationToken.None)).TreeSize > written);
        bundle.Position = 0;
        var result = AuditBundle.Verify(bundle, signer.PublicKey);
        Assert.True(result.Ok, result.Problem);
        Assert.Equal(1, result.Heads);
    }

    /// <summary>Writes, has a head signed, writes again: the stored head no longer covers the ledger.</summary>
    private static async Task WriteWithStaleHeadAsync(LedgerSite site)
    {
        await using var server = await site.StartAsync();
        using var client = new StewardClient(server.Address);
        await LedgerSite.WriteAsync(client, 2);
        await client.GetLedgerHeadAsync();
        await LedgerSite.WriteAsync(client, 1);
    }

    /// <summary>The bundle's tree size and the size of its newest head.</summary>
    private static async Task<(long Size, long NewestHead)> SizesAsync(string bundle)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(bundle));
        var heads = json.RootElement.GetProperty("heads").EnumerateArray().Select(h => h.GetProperty("treeSize").GetInt64()).ToList();
        return (json.RootElement.GetProperty("treeSize").GetInt64(), heads.Count == 0 ? -1 : heads.Max());
    }
}
