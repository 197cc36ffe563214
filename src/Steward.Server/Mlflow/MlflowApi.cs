using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Artifacts;
using Steward.Registry;
using Steward.Server.Mlflow.Protocol;
using Steward.Server.Mlflow.Registry;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Server.Mlflow;

/// <summary>The MLflow-compatible REST API under <c>/api/2.0/mlflow/</c> and <c>/ajax-api/2.0/mlflow/</c>.</summary>
internal static class MlflowApi
{
    public static IEndpointRouteBuilder MapMlflowApi(this IEndpointRouteBuilder app)
    {
        var provider = app.ServiceProvider;
        var services = new MlflowServices(
            provider.GetRequiredService<TrackingService>(),
            provider.GetRequiredService<RegistryService>(),
            provider.GetRequiredService<LoggedModelService>(),
            provider.GetRequiredService<ArtifactService>());
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Steward.Server.Mlflow");
        var routes = new MlflowRoutes(app, services, logger);

        Experiments.Map(routes);
        Runs.Map(routes);
        Metrics.Map(routes);
        Artifacts.Map(routes);
        ArtifactProxy.Map(routes);
        LoggedModels.Map(routes);
        RegisteredModels.Map(routes);
        ModelVersions.Map(routes);
        routes.MapFallbacks();
        return app;
    }
}
