using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Errors;
using Steward.Server.NativeApi.Governance;

namespace Steward.Server.NativeApi;

/// <summary>Steward's own REST API under <c>/api/v1/</c>: camelCase JSON, problem+json errors.</summary>
internal static class NativeApi
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapNativeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix);
        api.AddEndpointFilter(TranslateErrors);
        api.MapExperimentsApi();
        api.MapRunsApi();
        api.MapMetricsApi();
        api.MapArtifactsApi();
        api.MapRegisteredModelsApi();
        api.MapModelVersionsApi();
        api.MapModelAuditsApi();
        api.MapGovernanceApi();
        api.MapLifecycleApi();
        api.MapAuditApi();
        api.MapIdentityApi();

        // Unknown paths under the API answer in the API's own error format, not an empty 404.
        app.MapFallback(Prefix + "/{**path}", (HttpContext context) =>
            Problems.For(ErrorCode.ResourceDoesNotExist, $"No native API operation at {context.Request.Method} {context.Request.Path}.", context));
        return app;
    }

    /// <summary>Query and route values reach the stores as text too: the same rule as for bodies.</summary>
    private static void RefuseNulInQueryAndRoute(HttpContext context)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            foreach (var value in values) Validation.NoNul(value, name);
        }

        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text) Validation.NoNul(text, name);
        }
    }

    /// <summary>Turns every failure of a handler into problem+json; only faults of Steward itself become 500s.</summary>
    private static async ValueTask<object?> TranslateErrors(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        try
        {
            RefuseNulInQueryAndRoute(context);
            return await next(invocation);
        }
        catch (StewardException e)
        {
            return Problems.For(e, context);
        }
        catch (BadHttpRequestException e)
        {
            return Problems.For(ErrorCode.InvalidParameterValue, e.Message, context, e.StatusCode);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return Results.Empty;
        }
        catch (Exception e)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Steward.Server.NativeApi");
            NativeApiLog.UnhandledError(logger, e, context.Request.Method, context.Request.Path, context.TraceIdentifier);
            return Problems.Internal(context);
        }
    }
}
