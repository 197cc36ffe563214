using System.Net.Http.Headers;
using System.Text;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Logging;

/// <summary>The request log never carries a credential: not a bearer token, not a password, not the query string.</summary>
public sealed class RequestLogSecretsTests
{
    [Fact]
    public async Task a_bearer_token_and_a_token_in_the_query_string_are_not_logged()
    {
        var log = new CapturedLog();
        await using var server = await RequestLogServer.StartAsync(log, requireTokens: true);
        var token = server.Server.BootstrapAdmin!.Secret;
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var answer = await http.GetAsync("/api/v1/experiments?token=query-secret-4711");

        var line = await RequestLogServer.LineForAsync(log, "GET", "/api/v1/experiments");
        Assert.DoesNotContain("?", line.Message, StringComparison.Ordinal);
        AssertNowhere(log, token, "query-secret-4711");
    }

    [Fact]
    public async Task a_basic_password_is_not_logged()
    {
        var log = new CapturedLog();
        await using var server = await RequestLogServer.StartAsync(log, requireTokens: true);
        using var http = Caller.Basic(server, "admin", "hunter2-password-0815");

        using var answer = await http.GetAsync("/api/v1/experiments");

        var line = await RequestLogServer.LineForAsync(log, "GET", "/api/v1/experiments");
        Assert.Contains(" answered 401 in ", line.Message, StringComparison.Ordinal);
        AssertNowhere(log, "hunter2-password-0815", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:hunter2-password-0815")));
    }

    private static void AssertNowhere(CapturedLog log, params string[] secrets)
    {
        foreach (var entry in log.Entries)
        {
            foreach (var secret in secrets) Assert.DoesNotContain(secret, entry.Message, StringComparison.Ordinal);
        }
    }
}
