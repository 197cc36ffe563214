using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Steward.Web.Components;
using Steward.Web.Session;

namespace Steward.Web.Hosting;

/// <summary>
/// The UI's answers when no page can give one: a 404 page for UI paths no route answers, and a
/// 500 page — logged, never a stack trace — when a page fails unexpectedly. A middleware rather
/// than a fallback route, so the APIs keep their own answers (a 405 for a known path asked with
/// the wrong method, their own error formats).
/// </summary>
internal sealed partial class UiErrors(RequestDelegate next, ILogger<UiErrors> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!UiPaths.IsUi(http.Request.Path))
        {
            await next(http);
            return;
        }

        if (http.GetEndpoint() is null && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
        {
            await new RazorComponentResult<NotFoundDocument> { StatusCode = StatusCodes.Status404NotFound }.ExecuteAsync(http);
            return;
        }

        try
        {
            await next(http);
        }
        catch (Exception e) when (e is not OperationCanceledException && !http.Response.HasStarted)
        {
            LogPageFailed(logger, e, http.Request.Method, http.Request.Path, http.TraceIdentifier);
            http.Response.Clear();
            http.Response.Headers["X-Request-Id"] = http.TraceIdentifier;
            await new RazorComponentResult<ErrorDocument>(new { RequestId = http.TraceIdentifier }) { StatusCode = StatusCodes.Status500InternalServerError }.ExecuteAsync(http);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "The page {Method} {Path} failed (request {RequestId})")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, string method, PathString path, string requestId);
}
