using Steward.Errors;
using Steward.Registry;
using Steward.Storage.Governance;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Governance;

/// <summary>
/// What the governance store contracts share: the stores, each write given a change of its own
/// (<see cref="TestChange"/>, as a service would make one), and registered models to write about.
/// </summary>
public abstract class GovernanceContract(StorageFixture fixture)
{
    protected StorageFixture Fixture => fixture;

    protected GovernanceStores Stores => fixture.Storage.Inner.Governance;

    protected IRegistryStore Registry => fixture.Storage.Registry;

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>A new registered model in <paramref name="domain"/> with <paramref name="versions"/> versions.</summary>
    protected async Task<string> NewModelAsync(int versions = 1, string domain = "default")
    {
        var name = $"gov-{Guid.NewGuid():N}";
        await Registry.CreateRegisteredModelAsync(TestChange.Next(), name, "", [], "alice", domain, 1000, None);
        for (var i = 0; i < versions; i++)
            await Registry.CreateModelVersionAsync(TestChange.Next(), new NewModelVersion(name, "mlflow-artifacts:/1/r/artifacts/model", null, [], "", "", "bob", 2000), None);
        return name;
    }

    protected static async Task<StewardException> ThrowsAsync(ErrorCode code, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<StewardException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }

    /// <summary>How many ledger entries the database holds.</summary>
    protected async Task<long> LedgerSizeAsync() => (await fixture.Storage.Ledger.GetStateAsync(None)).TreeSize;
}
