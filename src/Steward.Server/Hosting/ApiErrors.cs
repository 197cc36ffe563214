using Microsoft.AspNetCore.Http;
using Steward.Errors;
using Steward.Server.Mlflow.Protocol;
using Steward.Server.NativeApi;

namespace Steward.Server.Hosting;

/// <summary>
/// Errors written by middleware, before any endpoint runs: MLflow's error JSON under MLflow's
/// prefixes, problem+json everywhere else.
/// </summary>
internal static class ApiErrors
{
    public static Task WriteAsync(HttpContext http, ErrorCode code, string message)
    {
        var path = http.Request.Path;
        var mlflow = MlflowRoutes.TrackingPrefixes.Concat(MlflowRoutes.ArtifactPrefixes).Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
        return mlflow
            ? MlflowErrors.WriteAsync(http, new StewardException(code, message))
            : Problems.For(code, message, http).ExecuteAsync(http);
    }
}
