using System.Security.Cryptography;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Audit;

/// <summary><c>GET /api/v1/audit/head</c> names the key that signed it, as <c>GET /api/v1/audit/key</c> publishes it.</summary>
public sealed class LedgerHeadApiTests(ApiServers servers) : ApiTests(servers)
{
    [SkippableTheory, Backends]
    public async Task the_head_answers_the_key_id_of_its_public_key_as_the_key_endpoint_gives_it(Backend backend)
    {
        var server = await ServerAsync(backend);
        (await server.Api.PostAsync("experiments/create", new { name = Unique("head-key") })).Ok();

        using var head = JsonDocument.Parse(await server.Http.GetStringAsync("/api/v1/audit/head"));
        using var key = JsonDocument.Parse(await server.Http.GetStringAsync("/api/v1/audit/key"));

        var keyId = head.RootElement.GetProperty("keyId").GetString();
        var publicKey = head.RootElement.GetProperty("publicKey").GetString()!;
        Assert.Equal(key.RootElement.GetProperty("keyId").GetString(), keyId);
        Assert.Equal(key.RootElement.GetProperty("publicKey").GetString(), publicKey);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(publicKey))), keyId);
        Assert.Equal(
            ["treeSize", "rootHash", "timestamp", "signature", "keyId", "publicKey"],
            head.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
    }
}
