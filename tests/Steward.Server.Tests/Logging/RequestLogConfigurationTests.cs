using Microsoft.Extensions.Logging;
using Steward.Server.Hosting;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Logging;

/// <summary>The usual logging configuration (<c>Logging:LogLevel:Steward.Requests</c>) turns the request log down or up.</summary>
public sealed class RequestLogConfigurationTests
{
    [Fact]
    public async Task a_warning_level_for_the_category_turns_the_request_log_off()
    {
        var log = new CapturedLog();
        await using var server = await RequestLogServer.StartAsync(log, logLevels: new Dictionary<string, string> { [RequestLog.Category] = "Warning" });

        // Two in turn on one connection: the first's line, if any, is written before the second is read.
        (await server.Http.GetAsync("/api/v1/experiments")).Dispose();
        (await server.Http.GetAsync("/api/v1/experiments")).Dispose();

        Assert.Empty(RequestLogServer.Lines(log));
    }

    [Fact]
    public async Task health_checks_are_logged_at_debug_only()
    {
        var log = new CapturedLog();
        await using var server = await RequestLogServer.StartAsync(log, logLevels: new Dictionary<string, string> { [RequestLog.Category] = "Debug" });

        (await server.Http.GetAsync("/health")).Dispose();

        var line = await RequestLogServer.LineForAsync(log, "GET", "/health");
        Assert.Equal(LogLevel.Debug, line.Level);
    }

    [Fact]
    public async Task health_checks_are_not_logged_at_the_default_level()
    {
        var log = new CapturedLog();
        await using var server = await RequestLogServer.StartAsync(log);

        (await server.Http.GetAsync("/health")).Dispose();
        (await server.Http.GetAsync("/api/v1/experiments")).Dispose();

        await RequestLogServer.LineForAsync(log, "GET", "/api/v1/experiments");
        Assert.DoesNotContain(RequestLogServer.Lines(log), e => e.Message.StartsWith("GET /health ", StringComparison.Ordinal));
    }
}
