using Microsoft.Extensions.DependencyInjection;
using Steward.Governance.Checklists;
using Steward.Governance.Lifecycle;
using Steward.Governance.ModelCards;
using Steward.Governance.Records;
using Steward.Governance.Redundancy;
using Steward.Governance.Scorecards;
using Steward.Registry;
using Steward.Storage.Governance;

namespace Steward.Server.Hosting;

/// <summary>Wires the governance services to their stores, and the lifecycle gate to the registry.</summary>
internal static class GovernanceRegistration
{
    public static IServiceCollection AddGovernance(this IServiceCollection services, GovernanceStores stores)
    {
        services.AddSingleton(stores.Documents);
        services.AddSingleton(stores.Records);
        services.AddSingleton(stores.Scorecards);
        services.AddSingleton(stores.ChecklistAnswers);
        services.AddSingleton(stores.ModelCards);
        services.AddSingleton<ScorecardConfigService>();
        services.AddSingleton<ScorecardService>();
        services.AddSingleton<ChecklistTemplateService>();
        services.AddSingleton<GovernanceRecordService>();
        services.AddSingleton<ChecklistService>();
        services.AddSingleton<ModelCardService>();
        services.AddSingleton<RedundancyService>();
        services.AddSingleton(stores.Lifecycle);
        services.AddSingleton<LifecyclePolicyService>();
        services.AddSingleton<ILifecycleGatePolicy, StepGatePolicy>();
        services.AddSingleton<LifecycleService>();
        // The lifecycle reads the registry whose gate it is: resolve it on first use, not at construction.
        services.AddSingleton<IVersionChangeGate>(provider => new LifecycleGate(provider.GetRequiredService<LifecycleService>));
        return services;
    }
}
