using Microsoft.Extensions.DependencyInjection;
using Steward.Governance.Checklists;
using Steward.Governance.ModelCards;
using Steward.Governance.Records;
using Steward.Governance.Redundancy;
using Steward.Governance.Scorecards;
using Steward.Storage.Governance;

namespace Steward.Server.Hosting;

/// <summary>Wires the governance services to their stores.</summary>
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
        return services;
    }
}
