using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Identity;
using Steward.Server.Identity;

namespace Steward.Server.Hosting;

/// <summary>
/// One log line per request, at Information under the category <see cref="Category"/>: method,
/// path, status, duration and who asked (the authenticated user, <c>local-admin</c>, or
/// <c>anonymous</c>), with the request id errors are logged under. Nothing else of the request
/// is read: not the query string (tokens and filters may ride in it), not a header, not the body.
/// Health checks are logged at Debug, so probes do not flood the log.
/// </summary>
/// <remarks>
/// A middleware rather than ASP.NET Core's HTTP logging: that one writes a field per line and
/// wraps the response body (artifact downloads), and cannot log one path at another level.
/// Turned down with the usual logging configuration, e.g. <c>Logging__LogLevel__Steward.Requests=Warning</c>.
/// </remarks>
internal sealed partial class RequestLog(RequestDelegate next, ILoggerFactory loggers)
{
    /// <summary>The log category, shorter and steadier than a class name, for configuration to name.</summary>
    public const string Category = "Steward.Requests";

    /// <summary>Who a request without a proved identity is logged as.</summary>
    public const string Anonymous = "anonymous";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext http)
    {
        var health = CredentialsRequirement.IsHealth(http.Request.Path);
        if (!_logger.IsEnabled(health ? LogLevel.Debug : LogLevel.Information))
        {
            await next(http);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            // Escaped, so a path cannot forge a line with an encoded line break.
            var path = (http.Request.PathBase + http.Request.Path).ToUriComponent();
            var identity = http.Features.Get<Principal>()?.Name ?? Anonymous;
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (health)
            {
                HealthServed(_logger, http.Request.Method, path, http.Response.StatusCode, milliseconds, identity, http.TraceIdentifier);
            }
            else
            {
                Served(_logger, http.Request.Method, path, http.Response.StatusCode, milliseconds, identity, http.TraceIdentifier);
            }
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms to {Identity} (request {RequestId})")]
    private static partial void Served(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds, string identity, string requestId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms to {Identity} (request {RequestId})")]
    private static partial void HealthServed(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds, string identity, string requestId);
}

/// <summary>Adds <see cref="RequestLog"/> to the pipeline.</summary>
internal static class RequestLogExtensions
{
    /// <summary>First in the pipeline, so the line carries the status every later stage (a refusal, a 500) answered with.</summary>
    public static IApplicationBuilder UseStewardRequestLog(this IApplicationBuilder app) => app.UseMiddleware<RequestLog>();
}
