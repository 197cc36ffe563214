using Steward.Audit;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Storage.Tests.Support;

/// <summary>
/// The stores of a <see cref="StewardStorage"/> as the store contract tests call them: directly,
/// with no service in between, each write given its <see cref="AuditedChange"/> by the test
/// (<see cref="TestChange"/>).
/// </summary>
public sealed class AuditedStorage(StewardStorage storage) : IAsyncDisposable
{
    public StewardStorage Inner => storage;

    public ITrackingStore Tracking => storage.Tracking;

    public IRegistryStore Registry => storage.Registry;

    public ILoggedModelStore LoggedModels => storage.LoggedModels;

    public IModelAuditStore ModelAudits => storage.ModelAudits;

    public IIdentityStore Identities => storage.Identities;

    public ILedgerStore Ledger => storage.Ledger;

    public ValueTask DisposeAsync() => storage.DisposeAsync();
}
