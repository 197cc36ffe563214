using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Logging;

/// <summary>Each request is one Information line: method, path, status, duration in ms and who asked.</summary>
public sealed class RequestLogLineTests
{
    [Fact]
    public async Task a_request_line_names_method_path_status_duration_and_the_authenticated_user()
    {
        var log = new CapturedLog();
        await using var server = await RequestLogServer.StartAsync(log, requireTokens: true);
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Server.BootstrapAdmin!.Secret);

        using var answer = await http.GetAsync("/api/v1/experiments");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var line = await RequestLogServer.LineForAsync(log, "GET", "/api/v1/experiments");
        Assert.Equal(LogLevel.Information, line.Level);
        var requestId = answer.Headers.GetValues("X-Request-Id").Single();
        Assert.Matches($@"^GET /api/v1/experiments answered 200 in \d+\.\d ms to admin \(request {System.Text.RegularExpressions.Regex.Escape(requestId)}\)$", line.Message);
    }

    [Fact]
    public async Task a_request_without_credentials_on_loopback_is_logged_as_local_admin()
    {
        var log = new CapturedLog();
        await using var server = await RequestLogServer.StartAsync(log);

        using var answer = await server.Http.GetAsync("/api/v1/experiments");

        var line = await RequestLogServer.LineForAsync(log, "GET", "/api/v1/experiments");
        Assert.Contains(" answered 200 in ", line.Message, StringComparison.Ordinal);
        Assert.Contains(" ms to local-admin ", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_request_refused_for_want_of_credentials_is_logged_as_anonymous_with_its_401()
    {
        var log = new CapturedLog();
        await using var server = await RequestLogServer.StartAsync(log, requireTokens: true);

        using var answer = await server.Http.PostAsync("/api/v1/experiments", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        var line = await RequestLogServer.LineForAsync(log, "POST", "/api/v1/experiments");
        Assert.Contains(" answered 401 in ", line.Message, StringComparison.Ordinal);
        Assert.Contains(" ms to anonymous ", line.Message, StringComparison.Ordinal);
    }
}
