using Microsoft.Extensions.DependencyInjection;
using Steward.Artifacts;
using Steward.Audit;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Server.ModelAudits;
using Steward.Storage;
using Steward.Storage.Ledger;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Server.Hosting;

/// <summary>Wires the core services to the opened stores.</summary>
internal static class ServiceRegistration
{
    public static IServiceCollection AddStewardServices(this IServiceCollection services, StewardStorage storage, StewardServerOptions options)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(storage.Tracking);
        services.AddSingleton(storage.Registry);
        services.AddSingleton(storage.LoggedModels);
        services.AddSingleton(storage.Artifacts);
        services.AddSingleton(storage.Ledger);
        services.AddSingleton(storage.ModelAudits);
        // The embedded default acts as the local administrator; authentication replaces this.
        services.AddSingleton<ICurrentActor, LocalAdmin>();
        services.AddSingleton(_ => LedgerKeyFile.LoadOrCreate(storage.LedgerKeyPath));
        services.AddSingleton<AuditService>();
        services.AddSingleton<IVersionChangeGate, OpenGate>();
        services.AddSingleton<TrackingService>();
        services.AddSingleton<RegistryService>();
        services.AddSingleton<LoggedModelService>();
        services.AddSingleton<ArtifactService>();
        services.AddSingleton<ModelAuditService>();
        services.AddSingleton<IModelAuditRunner, FairnessAuditRunner>();
        services.AddSingleton(new DataSetFolder(options.DataSetDirectory ?? Path.Combine(options.DataDirectory, "datasets")));
        services.AddProblemDetails();
        return services;
    }
}
