using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Steward.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>
/// A client that keeps presenting wrong credentials is answered 429 on both APIs, while a valid
/// token is always accepted; the address counted is the connection's, or the one a trusted proxy
/// forwarded.
/// </summary>
public sealed class ThrottledAuthenticationTests
{
    private static async Task<HttpResponseMessage> WithTokenAsync(TestServer server, string path, string token, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await server.Http.SendAsync(request);
    }

    private static async Task FailAsync(TestServer server, int times, Func<int, string?>? forwardedFor = null)
    {
        for (var i = 0; i < times; i++)
        {
            using var refused = await WithTokenAsync(server, "/api/v1/me", $"stw_wrong-{i}", forwardedFor?.Invoke(i));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    private static async Task<SecuredServer> ServerTurningAwayLoopbackAsync(Backend backend)
    {
        var server = await SecuredServer.StartAsync(backend);
        await FailAsync(server.Server, FailedAuthenticationThrottle.MaxFailuresPerAddress);
        return server;
    }

    [SkippableTheory, Backends]
    public async Task Too_many_wrong_tokens_are_answered_with_429_and_when_to_retry(Backend backend)
    {
        await using var server = await ServerTurningAwayLoopbackAsync(backend);

        using var response = await WithTokenAsync(server.Server, "/api/v1/me", "stw_one-more-guess");
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

        using var response = await WithTokenAsync(server.Server, "/api/2.0/mlflow/experiments/search?max_results=1", "stw_one-more-guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", error.GetProperty("error_code").GetString());
    }

    [SkippableTheory, Backends]
    public async Task A_valid_token_is_accepted_from_an_address_that_failed_many_times(Backend backend)
    {
        await using var server = await ServerTurningAwayLoopbackAsync(backend);
        using var guess = await WithTokenAsync(server.Server, "/api/v1/me", "stw_one-more-guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, guess.StatusCode);

        using var admin = await WithTokenAsync(server.Server, "/api/v1/me", server.AdminToken);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [SkippableTheory, Backends]
    public async Task Through_a_trusted_proxy_only_the_forwarded_address_that_failed_is_held_back(Backend backend)
    {
        await using var server = await SecuredServer.StartAsync(backend, options => options with { TrustedProxies = ["127.0.0.1"] });
        await FailAsync(server.Server, FailedAuthenticationThrottle.MaxFailuresPerAddress, _ => "203.0.113.5");

        using var sameClient = await WithTokenAsync(server.Server, "/api/v1/me", "stw_one-more-guess", "203.0.113.5");
        Assert.Equal(HttpStatusCode.TooManyRequests, sameClient.StatusCode);
        using var otherClient = await WithTokenAsync(server.Server, "/api/v1/me", "stw_a-first-guess", "203.0.113.6");
        Assert.Equal(HttpStatusCode.Unauthorized, otherClient.StatusCode);
    }

    [SkippableTheory, Backends]
    public async Task X_forwarded_for_from_a_peer_not_trusted_is_ignored(Backend backend)
    {
        await using var server = await SecuredServer.StartAsync(backend);
        await FailAsync(server.Server, FailedAuthenticationThrottle.MaxFailuresPerAddress, i => $"198.51.100.{i + 1}");

        using var response = await WithTokenAsync(server.Server, "/api/v1/me", "stw_one-more-guess", "198.51.100.200");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }
}
