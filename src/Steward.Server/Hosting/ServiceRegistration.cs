using Microsoft.Extensions.DependencyInjection;
using Steward.Artifacts;
using Steward.Audit;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Portfolio;
using Steward.Registry;
using Steward.Server.Identity;
using Steward.Server.ModelAudits;
using Steward.Storage;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;
using Steward.Web.Audits;
using Steward.Web.Hosting;
using Steward.Web.Reports;

namespace Steward.Server.Hosting;

/// <summary>Wires the core services to the opened stores.</summary>
internal static class ServiceRegistration
{
    public static IServiceCollection AddStewardServices(this IServiceCollection services, StewardStorage storage, StewardServerOptions options, AuthenticationPolicy policy)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(storage.Tracking);
        services.AddSingleton(storage.Registry);
        services.AddSingleton(storage.GateTransactions);
        services.AddSingleton(storage.LoggedModels);
        services.AddSingleton(storage.Artifacts);
        services.AddSingleton(storage.Ledger);
        services.AddSingleton(storage.ModelAudits);
        services.AddSingleton(storage.Portfolio);
        services.AddSingleton(storage.Identities);
        // The actor every entry names and the principal every permission check asks about: the
        // request's, as the authentication handlers established it.
        services.AddHttpContextAccessor();
        services.AddSingleton<RequestPrincipal>();
        services.AddSingleton<ICurrentActor>(provider => provider.GetRequiredService<RequestPrincipal>());
        services.AddSingleton<ICurrentPrincipal>(provider => provider.GetRequiredService<RequestPrincipal>());
        services.AddSingleton(policy);
        services.AddSingleton<CredentialCache>();
        services.AddSingleton(storage.CredentialChanges);
        services.AddHostedService<CredentialChangeListener>();
        services.AddSingleton<FailedAuthenticationThrottle>();
        services.AddSingleton<AuthenticationDenials>();
        services.AddHostedService<AuthenticationDenialsFlusher>();
        services.AddStewardTrustedProxies(options.TrustedProxies);
        services.AddStewardConcurrencyLimits(options.MaxConcurrentRequestsPerIdentity);
        services.AddSingleton<Authenticator>();
        services.AddStewardAuthentication();
        services.AddSingleton<AccessControl>();
        services.AddSingleton<IdentityService>();
        services.AddSingleton<AdminBootstrap>();
        services.AddSingleton<IAuthorshipQuery, AuthorshipQuery>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<LedgerService>();
        services.AddSingleton<TrackingService>();
        services.AddSingleton<RegistryService>();
        services.AddSingleton<LoggedModelService>();
        services.AddSingleton<ArtifactService>();
        services.AddSingleton<ModelAuditService>();
        services.AddSingleton<PortfolioService>();
        services.AddSingleton<IModelAuditRunner, FairnessAuditRunner>();
        services.AddSingleton<IModelAuditRunner, EvaluationAuditRunner>();
        services.AddSingleton<IModelAuditRunner, DriftAuditRunner>();
        services.AddGovernance(storage.Governance);
        services.AddSingleton(new DataSetFolder(options.DataSetDirectory ?? Path.Combine(options.DataDirectory, "datasets")));
        services.AddSingleton<IReportDocuments, ServerReportDocuments>();
        services.AddSingleton<ModelAuditLauncher>();
        services.AddSingleton<IAuditLauncher>(provider => provider.GetRequiredService<ModelAuditLauncher>());
        services.AddSingleton(storage.SessionKeys);
        services.AddStewardWeb(new WebUiOptions(policy.CredentialsRequired));
        services.AddProblemDetails();
        return services;
    }
}
