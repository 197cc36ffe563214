using Microsoft.Extensions.DependencyInjection;
using Steward.Errors;
using Steward.Registry;
using ModelStage = Steward.Registry.ModelStage;
using ModelVersion = Steward.Registry.ModelVersion;

namespace Steward.Tests.Support;

/// <summary>
/// A server whose version-change gate refuses any move to Production and the alias
/// "champion", the way governance refuses a promotion that lacks its evidence.
/// </summary>
public sealed class GatedServerFixture : StewardServerFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IVersionChangeGate, RefusingGate>();

    private sealed class RefusingGate : IVersionChangeGate
    {
        public Task CheckAsync(VersionChange change, ModelVersion current, CancellationToken cancellationToken) => change switch
        {
            StageTransition { Stage: ModelStage.Production } => throw new StewardException(ErrorCode.PermissionDenied, $"Version {current.Version} of {current.Name} cannot reach Production: no model card, no approval."),
            AliasAssignment { Alias: "champion" } => throw new StewardException(ErrorCode.PermissionDenied, "The champion alias needs an approval."),
            _ => Task.CompletedTask,
        };
    }
}
