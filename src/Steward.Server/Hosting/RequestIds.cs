using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Steward.Errors;
using Steward.Server.Mlflow.Protocol;
using Steward.Server.NativeApi;

namespace Steward.Server.Hosting;

/// <summary>
/// Gives every answer an <c>X-Request-Id</c> header (the request's <see cref="HttpContext.TraceIdentifier"/>),
/// the id the server logs an unhandled error under, so an operator can find a client's 500 in the
/// log. Last resort too: an error that escapes every other handler is logged here and answered
/// with a 500 that carries the same id.
/// </summary>
internal sealed class RequestIds(RequestDelegate next, ILogger<RequestIds> logger)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext http)
    {
        http.Response.Headers[Header] = http.TraceIdentifier;
        try
        {
            await next(http);
        }
        catch (Exception e) when (!(e is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            ServerLog.UnhandledError(logger, e, http.Request.Method, http.Request.Path, http.TraceIdentifier);
            if (http.Response.HasStarted)
            {
                http.Abort();
                return;
            }

            http.Response.Clear();
            http.Response.Headers[Header] = http.TraceIdentifier;
            if (MlflowRoutes.IsMlflowPath(http.Request.Path))
            {
                await MlflowErrors.WriteInternalAsync(http);
            }
            else
            {
                await Problems.Internal(http).ExecuteAsync(http);
            }
        }
    }
}
