using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Steward.Client;
using Steward.Server.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>
/// A client that keeps presenting wrong credentials is turned away with 429 on both APIs, without
/// the server checking them, and each refusal is a ledger entry.
/// </summary>
public sealed class ThrottledAuthenticationTests
{
    private static async Task<HttpResponseMessage> WithTokenAsync(TestServer server, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request);
    }

    private static async Task<TestServer> ServerTurningAwayLoopbackAsync(Backend backend)
    {
        var server = await TestServer.StartAsync(backend);
        for (var i = 0; i < FailedAuthenticationThrottle.MaxFailures; i++)
        {
            using var refused = await WithTokenAsync(server, "/api/v1/me", $"stw_wrong-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        return server;
    }

    [SkippableTheory, Backends]
    public async Task Too_many_wrong_tokens_are_answered_with_429_and_when_to_retry(Backend backend)
    {
        await using var server = await ServerTurningAwayLoopbackAsync(backend);

        using var response = await WithTokenAsync(server, "/api/v1/me", "stw_one-more-guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), FailedAuthenticationThrottle.Window);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", problem.GetProperty("errorCode").GetString());
        Assert.StartsWith("Too many failed authentications from this address", problem.GetProperty("detail").GetString());
    }

    [SkippableTheory, Backends]
    public async Task The_mlflow_api_answers_a_turned_away_client_in_mlflows_format(Backend backend)
    {
        await using var server = await ServerTurningAwayLoopbackAsync(backend);

        using var response = await WithTokenAsync(server, "/api/2.0/mlflow/experiments/search?max_results=1", "stw_one-more-guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", error.GetProperty("error_code").GetString());
    }

    [SkippableTheory, Backends]
    public async Task A_turned_away_request_is_a_denied_ledger_entry(Backend backend)
    {
        await using var server = await ServerTurningAwayLoopbackAsync(backend);
        using var admin = new StewardClient(server.Address, ""); // no credentials on loopback: the local admin
        var before = (await admin.GetLedgerHeadAsync()).TreeSize;

        using var _ = await WithTokenAsync(server, "/api/v1/experiments", "stw_one-more-guess");

        var entry = Assert.Single((await admin.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = before })).Entries);
        Assert.Equal(("anonymous", "auth.denied", "http/GET /api/v1/experiments", "denied"), (entry.Actor, entry.Action, entry.Resource, entry.Outcome));
    }
}
