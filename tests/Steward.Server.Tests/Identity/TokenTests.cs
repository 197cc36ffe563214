using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Steward.Client;
using Steward.Contracts.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>API tokens end to end: created, used on both APIs, revoked, expired; shown once, stored as a hash.</summary>
public sealed class TokenTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    [SkippableTheory, Backends]
    public async Task a_token_works_on_both_apis_until_it_is_revoked_then_gets_401(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "risk");

        Assert.Equal(alice.Name, (await alice.Client.GetMeAsync()).Name);
        (await alice.Mlflow.GetAsync("experiments/search?max_results=1")).Ok();

        var id = Assert.Single(await server.Admin.Client.ListTokensAsync(alice.Name)).Id;
        await alice.Client.RevokeTokenAsync(alice.Name, id);

        var native = await Assert.ThrowsAsync<StewardApiException>(() => alice.Client.GetMeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, native.StatusCode);
        Assert.Equal("UNAUTHENTICATED", native.ErrorCode);
        Assert.Contains("was revoked", native.Detail, StringComparison.Ordinal);
        var mlflow = await alice.Mlflow.GetAsync("experiments/search?max_results=1");
        Assert.Contains("was revoked", mlflow.Error(HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), StringComparison.Ordinal);
        Assert.Equal("revoked", Assert.Single(await server.Admin.Client.ListTokensAsync(alice.Name)).State);
    }

    [SkippableTheory, Backends]
    public async Task an_expired_token_gets_401(Backend backend)
    {
        var server = await servers.For(backend);
        using var bob = await server.NewUserAsync("bob", ["ml-engineer"], "risk");
        var shortLived = await server.Admin.Client.CreateTokenAsync(bob.Name, "short", expires: "1h");
        using var caller = Caller.With(server.Server, bob.Name, shortLived.Secret);
        (await caller.Mlflow.GetAsync("experiments/search?max_results=1")).Ok();

        server.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            var error = await Assert.ThrowsAsync<StewardApiException>(() => caller.Client.GetMeAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            Assert.Contains("expired", error.Detail, StringComparison.Ordinal);
            Assert.Equal("expired", (await server.Admin.Client.ListTokensAsync(bob.Name)).Single(t => t.Id == shortLived.Token.Id).State);
            // The user's other token, with the default 90 days, still works.
            Assert.Equal(bob.Name, (await bob.Client.GetMeAsync()).Name);
        }
        finally
        {
            server.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    [SkippableTheory, Backends]
    public async Task the_secret_is_shown_once_and_no_listing_carries_it(Backend backend)
    {
        var server = await servers.For(backend);
        using var carol = await server.NewUserAsync("carol", ["auditor"]);
        var created = await carol.Client.CreateTokenAsync(carol.Name, "laptop", expires: "never", description: "my laptop");
        Assert.StartsWith("stw_", created.Secret, StringComparison.Ordinal);
        Assert.Null(created.Token.ExpiresAt);

        foreach (var path in new[] { $"/api/v1/users/{carol.Name}/tokens", $"/api/v1/users/{carol.Name}", "/api/v1/users", "/api/v1/me" })
        {
            var body = await server.Admin.Http.GetStringAsync(path);
            Assert.DoesNotContain(created.Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain(created.Secret[4..], body, StringComparison.Ordinal);
        }

        var listed = (await carol.Client.ListTokensAsync(carol.Name)).Single(t => t.Id == created.Token.Id);
        Assert.Equal(("laptop", "my laptop", "active"), (listed.Name, listed.Description, listed.State));
    }

    [SkippableTheory, Backends]
    public async Task the_database_holds_only_the_sha256_of_a_token(Backend backend)
    {
        var server = await servers.For(backend);
        using var dave = await server.NewUserAsync("dave", ["executive"]);
        var created = await server.Admin.Client.CreateTokenAsync(dave.Name, "db-check");

        var options = server.Server.Options;
        await using System.Data.Common.DbConnection connection = options.Database is { } postgres
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={Path.Combine(options.DataDirectory, "steward.db")};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM api_tokens WHERE token_id = '{created.Token.Id}'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToList();
        Assert.All(values, v => Assert.DoesNotContain(created.Secret[4..], v, StringComparison.Ordinal));
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.Secret)));
        Assert.Equal(sha256, reader.GetString(reader.GetOrdinal("secret_sha256")));
    }

    [SkippableTheory, Backends]
    public async Task disabling_a_user_refuses_their_token_at_once(Backend backend)
    {
        var server = await servers.For(backend);
        using var erin = await server.NewUserAsync("erin", ["data-engineer"], "risk");
        (await erin.Mlflow.GetAsync("experiments/search?max_results=1")).Ok(); // cached now

        await server.Admin.Client.UpdateUserAsync(erin.Name, new UpdateUserRequest { Enabled = false });
        var error = await Assert.ThrowsAsync<StewardApiException>(() => erin.Client.GetMeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("disabled", error.Detail, StringComparison.Ordinal);

        await server.Admin.Client.UpdateUserAsync(erin.Name, new UpdateUserRequest { Enabled = true });
        Assert.Equal(erin.Name, (await erin.Client.GetMeAsync()).Name);
    }

    [SkippableTheory, Backends]
    public async Task a_token_records_when_it_was_last_used(Backend backend)
    {
        var server = await servers.For(backend);
        using var frank = await server.NewUserAsync("frank", ["auditor"]);
        Assert.Null(Assert.Single(await server.Admin.Client.ListTokensAsync(frank.Name)).LastUsedAt);
        await frank.Client.GetMeAsync();
        Assert.NotNull(Assert.Single(await server.Admin.Client.ListTokensAsync(frank.Name)).LastUsedAt);
    }
}
