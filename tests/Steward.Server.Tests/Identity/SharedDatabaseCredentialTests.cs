using System.Diagnostics;
using System.Net;
using Npgsql;
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
        await using var pair = await ServerPair.StartAsync();
        var (onSecond, revoke) = await pair.TokenUsedOnSecondAsync("carol");

        await revoke();

        await AssertRefusedSoonAsync(onSecond);
    }

    [PostgresFact]
    public async Task a_server_whose_listening_connection_is_cut_keeps_serving_and_listens_again()
    {
        await using var pair = await ServerPair.StartAsync();
        var (onSecond, revoke) = await pair.TokenUsedOnSecondAsync("dave");

        // Both servers listen; cutting every listening connection of the database cuts the second's.
        await using (var connection = new NpgsqlConnection(pair.First.Options.Database))
        {
            await connection.OpenAsync();
            await using var cut = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
                connection);
            Assert.True((long)(await cut.ExecuteScalarAsync())! >= 1);
        }

        Assert.Equal("dave", (await onSecond.GetMeAsync()).Name);
        await WaitUntilListeningAsync(pair.First.Options.Database!, listeners: 2);
        await revoke();

        await AssertRefusedSoonAsync(onSecond);
    }

    private static async Task AssertRefusedSoonAsync(StewardClient client)
    {
        var clock = Stopwatch.StartNew();
        StewardApiException? refused = null;
        while (refused is null && clock.Elapsed < Steward.Identity.CredentialCache.Lifetime / 2)
        {
            try
            {
                await client.GetMeAsync();
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

    private static async Task WaitUntilListeningAsync(string connectionString, int listeners)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'", connection);
            if ((long)(await count.ExecuteScalarAsync())! >= listeners) return;
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the servers did not listen again");
            await Task.Delay(100);
        }
    }

    /// <summary>Two servers sharing one database and one data folder.</summary>
    private sealed class ServerPair : IAsyncDisposable
    {
        private readonly List<StewardClient> _clients = [];

        private ServerPair(TestServer first, StewardServer second)
        {
            First = first;
            Second = second;
            Admin = new StewardClient(first.Address, first.Server.BootstrapAdmin!.Secret);
        }

        public TestServer First { get; }

        public StewardServer Second { get; }

        public StewardClient Admin { get; }

        public static async Task<ServerPair> StartAsync()
        {
            var first = await TestServer.StartAsync(Backend.Postgres, requireTokens: true);
            var second = await StewardServer.StartAsync(
                new StewardServerOptions { Host = "127.0.0.1", Port = 0, DataDirectory = first.DataDirectory, Database = first.Options.Database, RequireTokens = true },
                CancellationToken.None);
            var pair = new ServerPair(first, second);
            await WaitUntilListeningAsync(first.Options.Database!, listeners: 2);
            return pair;
        }

        /// <summary>A new user's token, used once on the second server (so it caches it), and a way to revoke it through the first.</summary>
        public async Task<(StewardClient OnSecond, Func<Task> Revoke)> TokenUsedOnSecondAsync(string user)
        {
            await Admin.CreateUserAsync(user, ["data-scientist"], ["default"]);
            var token = await Admin.CreateTokenAsync(user, "laptop");
            var onSecond = new StewardClient(Second.Address, token.Secret);
            _clients.Add(onSecond);
            Assert.Equal(user, (await onSecond.GetMeAsync()).Name);
            return (onSecond, () => Admin.RevokeTokenAsync(user, token.Token.Id));
        }

        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            foreach (var client in _clients) client.Dispose();
            await Second.DisposeAsync();
            await First.DisposeAsync();
        }
    }
}
