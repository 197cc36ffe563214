using System.Diagnostics;
using System.Net;
using Steward.Client;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>
/// Two servers on one PostgreSQL database, as behind a load balancer: a credential change made
/// through one reaches the other at once, not after the other's credential cache expires.
/// </summary>
public sealed class SharedDatabaseCredentialTests
{
    [PostgresFact]
    public async Task a_token_revoked_through_one_server_is_refused_by_the_other_well_before_its_cache_expires()
    {
        await using var first = await TestServer.StartAsync(Backend.Postgres, requireTokens: true);
        await using var second = await StewardServer.StartAsync(
            new StewardServerOptions { Host = "127.0.0.1", Port = 0, DataDirectory = first.DataDirectory, Database = first.Options.Database, RequireTokens = true },
            CancellationToken.None);
        using var admin = new StewardClient(first.Address, first.Server.BootstrapAdmin!.Secret);
        await admin.CreateUserAsync("carol", ["data-scientist"], ["default"]);
        var token = await admin.CreateTokenAsync("carol", "laptop");
        using var onSecond = new StewardClient(second.Address, token.Secret);
        Assert.Equal("carol", (await onSecond.GetMeAsync()).Name);

        await admin.RevokeTokenAsync("carol", token.Token.Id);

        var clock = Stopwatch.StartNew();
        StewardApiException? refused = null;
        while (refused is null && clock.Elapsed < Steward.Identity.CredentialCache.Lifetime / 2)
        {
            try
            {
                await onSecond.GetMeAsync();
                await Task.Delay(50);
            }
            catch (StewardApiException e)
            {
                refused = e;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("was revoked", refused.Detail, StringComparison.Ordinal);
    }
}
