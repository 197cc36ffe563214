using System.Text.Json;
using Steward.Cli.Tests.Support;
using Steward.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary><c>steward audit head</c> prints the id and public key of the key that signed the head, as <c>audit key</c> publishes them.</summary>
public sealed class AuditHeadCommandTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private Task<CliResult> Steward(params string[] args) => CliRunner.RunAsync([.. args, "--server", server.Address.AbsoluteUri]);

    [Fact]
    public async Task the_head_table_shows_the_key_id_and_public_key_that_audit_key_publishes()
    {
        await server.Client.CreateExperimentAsync($"head-{Guid.NewGuid():N}");
        var key = await server.Client.GetLedgerKeyAsync();

        var head = await Steward("audit", "head");

        Assert.True(head.ExitCode == 0, head.Stderr);
        var lines = head.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("Key id", StringComparison.Ordinal) && l.Contains(key.KeyId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Public key", StringComparison.Ordinal) && l.Contains(key.PublicKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task head_output_json_is_the_apis_answer_with_its_key_id()
    {
        var key = await server.Client.GetLedgerKeyAsync();

        var head = await Steward("audit", "head", "--output", "json");

        Assert.True(head.ExitCode == 0, head.Stderr);
        using var json = JsonDocument.Parse(head.Stdout);
        Assert.Equal(
            ["treeSize", "rootHash", "timestamp", "signature", "keyId", "publicKey"],
            json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(key.KeyId, json.RootElement.GetProperty("keyId").GetString());
        Assert.Equal(key.PublicKey, json.RootElement.GetProperty("publicKey").GetString());
    }
}
