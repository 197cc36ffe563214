using Microsoft.AspNetCore.Routing;

namespace Steward.Server.Mlflow;

/// <summary>The MLflow-compatible REST API under <c>/api/2.0/mlflow/</c> and <c>/ajax-api/2.0/mlflow/</c>.</summary>
internal static class MlflowApi
{
    public static IEndpointRouteBuilder MapMlflowApi(this IEndpointRouteBuilder app) => app;
}
