using System.Diagnostics;
using Npgsql;
using Steward.Cli.Tests.Support;
using Steward.Client;
using Steward.Ledger.Signing;
using Steward.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>
/// The ledger's key published and enforced: <c>audit key</c>, verification with only the public
/// key and read-only database rights, a server that refuses to sign with a key the ledger does
/// not know, and a witness that stops at the first head the log contradicts.
/// </summary>
public sealed class LedgerKeyAndWitnessTests
{
    [Fact]
    public async Task audit_key_prints_the_key_id_and_a_pem_that_verify_accepts()
    {
        await using var site = await LedgerSite.CreateAsync("sqlite");
        string output;
        await using (var server = await site.StartAsync())
        {
            using var client = new StewardClient(server.Address);
            await LedgerSite.WriteAsync(client, 1);
            await client.GetLedgerHeadAsync();
            var key = await CliRunner.RunAsync("audit", "key", "--server", server.Address.AbsoluteUri);
            Assert.True(key.ExitCode == 0, key.Stderr);
            output = key.Stdout;
        }

        using var signer = TreeHeadSigner.FromPkcs8Pem(await File.ReadAllTextAsync(site.KeyPath));
        Assert.StartsWith($"key id: {signer.KeyId}\n-----BEGIN PUBLIC KEY-----", output, StringComparison.Ordinal);
        var pem = Path.Combine(site.DataDirectory, "ledger.pub");
        await File.WriteAllTextAsync(pem, output);
        File.Delete(site.KeyPath); // the auditor has no signing key
        var verify = await CliRunner.RunAsync(["audit", "verify", .. site.StorageArgs, "--public-key", pem]);
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains($"key {signer.KeyId}", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task verify_db_needs_only_select_rights_and_the_public_key_and_creates_nothing()
    {
        await using var site = await LedgerSite.CreateAsync("postgres");
        var role = $"auditor_{Guid.NewGuid():N}";
        await using (var server = await site.StartAsync())
        {
            using var client = new StewardClient(server.Address);
            await LedgerSite.WriteAsync(client, 2);
            await client.GetLedgerHeadAsync();
        }

        using var signer = TreeHeadSigner.FromPkcs8Pem(await File.ReadAllTextAsync(site.KeyPath));
        var pem = Path.Combine(Path.GetTempPath(), $"{role}.pub");
        await File.WriteAllTextAsync(pem, signer.PublicKeyPem);
        await site.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'pw'; GRANT CONNECT ON DATABASE \"{site.PostgresDatabase}\" TO {role}; GRANT USAGE ON SCHEMA public TO {role}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}; REVOKE CREATE ON SCHEMA public FROM PUBLIC;");
        var tables = await site.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'");
        var emptyData = Path.Combine(Path.GetTempPath(), $"no-data-{Guid.NewGuid():N}");
        try
        {
            var readOnly = new NpgsqlConnectionStringBuilder(site.ConnectionString) { Username = role, Password = "pw" }.ConnectionString;
            var result = await CliRunner.RunAsync("audit", "verify", "--db", readOnly, "--data", emptyData, "--public-key", pem);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.StartsWith("ok: 5 entries and 1 signed heads verified", result.Stdout, StringComparison.Ordinal);
            Assert.Equal(tables, await site.ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"));
            Assert.False(Directory.Exists(emptyData));
        }
        finally
        {
            File.Delete(pem);
            await site.DisposeAsync();
            await using var connection = new NpgsqlConnection(TestPostgres.Maintenance);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task a_server_without_the_key_that_signed_the_ledger_refuses_to_start()
    {
        await using var site = await LedgerSite.CreateAsync("sqlite");
        await using (var server = await site.StartAsync())
        {
            using var client = new StewardClient(server.Address);
            await LedgerSite.WriteAsync(client, 1);
            await client.GetLedgerHeadAsync();
        }

        using var original = TreeHeadSigner.FromPkcs8Pem(await File.ReadAllTextAsync(site.KeyPath));
        File.Delete(site.KeyPath);
        var missing = await CliRunner.RunAsync("server", "--port", "0", "--data", site.DataDirectory);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains($"is signed by key {original.KeyId} and there is no key file at {site.KeyPath}", missing.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(site.KeyPath), "no key of its own was made");

        using var other = TreeHeadSigner.Generate();
        var otherPath = Path.Combine(site.DataDirectory, "other.pem");
        await File.WriteAllTextAsync(otherPath, other.ExportPkcs8Pem());
        var wrong = await CliRunner.RunAsync("server", "--port", "0", "--data", site.DataDirectory, "--ledger-key", otherPath);
        Assert.Equal(3, wrong.ExitCode);
        Assert.Contains($"is signed by key {original.KeyId}, but the key file {otherPath} holds key {other.KeyId}", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_second_server_without_the_key_on_a_postgresql_ledger_refuses_to_start()
    {
        await using var site = await LedgerSite.CreateAsync("postgres");
        await using var first = await site.StartAsync();
        using var client = new StewardClient(first.Address);
        await LedgerSite.WriteAsync(client, 1);

        var elsewhere = Path.Combine(Path.GetTempPath(), $"replica-{Guid.NewGuid():N}");
        try
        {
            var replica = await CliRunner.RunAsync("server", "--port", "0", "--data", elsewhere, "--db", site.ConnectionString!);
            Assert.Equal(3, replica.ExitCode);
            Assert.Contains("is signed by key", replica.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(elsewhere, "ledger-key.pem")));
        }
        finally
        {
            if (Directory.Exists(elsewhere)) Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task the_witness_exits_2_when_the_ledger_is_rewritten_between_two_polls()
    {
        await using var site = await LedgerSite.CreateAsync("sqlite");
        var heads = Path.Combine(site.DataDirectory, "witness.jsonl");
        await using var server = await site.StartAsync();
        using var client = new StewardClient(server.Address);
        var run = await LedgerSite.WriteAsync(client, 2); // entries 0..4 (0: the cookie key of the first start)

        using var witness = Process.Start(CliRunner.StartInfo(["audit", "witness", "--server", server.Address.AbsoluteUri, "--heads", heads, "--interval", "200ms"]))!;
        try
        {
            var stdout = witness.StandardOutput.ReadToEndAsync();
            var stderr = witness.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(File.Exists(heads) && (await File.ReadAllTextAsync(heads)).Contains("\"treeSize\":5", StringComparison.Ordinal)) && DateTime.UtcNow < deadline) await Task.Delay(100);
            Assert.True(File.Exists(heads), "the witness saved no head: " + (witness.HasExited ? await stderr : "(running)"));

            await client.LogParamAsync(run, "after", "1");
            await Task.Delay(600); // a consistent head of size 6 is accepted
            await site.RewriteEntryAsync(2, "run/someone-else");
            await client.LogParamAsync(run, "later", "1");

            await witness.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            Assert.Equal(2, witness.ExitCode);
            var error = (await stderr).Trim().Split('\n')[^1]; // after the line naming the key it trusted
            Assert.StartsWith("steward: error: witness: inconsistent head: the head of size 7", error, StringComparison.Ordinal);
            Assert.Contains("does not extend the head of size 6", error, StringComparison.Ordinal);
            Assert.Contains("head 6 ", await stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (!witness.HasExited) witness.Kill(entireProcessTree: true);
        }
    }
}
