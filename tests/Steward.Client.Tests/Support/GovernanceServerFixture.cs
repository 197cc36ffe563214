using Steward.Identity;
using Microsoft.Extensions.DependencyInjection;
using Steward.Audit;
using Steward.ModelAudits;
using Steward.Storage;

namespace Steward.Tests.Support;

/// <summary>
/// A real server whose clock the tests move (reviews fall due months later), and a second,
/// independent set of stores on the same database for recording model audits as evidence —
/// the way an audit run on another server would land.
/// </summary>
public class GovernanceServerFixture : StewardServerFixture
{
    private string? _connectionString;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override async Task<string?> CreateDatabaseAsync() => _connectionString = await CreateConnectionStringAsync();

    /// <summary>A PostgreSQL connection string for the server, or null for SQLite.</summary>
    protected virtual Task<string?> CreateConnectionStringAsync() => Task.FromResult<string?>(null);

    /// <summary>Records a model audit of a version through the real audit store, with its ledger entry.</summary>
    public async Task<ModelAudit> RecordAuditAsync(string name, int version, ModelAuditKind kind, ModelAuditVerdict verdict)
    {
        await using var storage = await StewardStorage.OpenAsync(
            new StorageOptions { DataDirectory = DataDirectory, PostgresConnectionString = _connectionString }, CancellationToken.None);
        var access = new AccessControl(new LocalAdminPrincipal(), storage.Ledger, storage.Identities);
        var audits = new ModelAuditService(storage.ModelAudits, new LocalAdmin(), access);
        return await audits.RecordAsync(
            new NewModelAudit(name, version, kind, "datasets/telco.csv", """{"sensitive":["gender"]}""", """{"groups":[]}""", verdict, $"{kind} audit {verdict}"),
            CancellationToken.None);
    }
}

/// <summary>The same on a fresh PostgreSQL database.</summary>
public sealed class PostgresGovernanceServerFixture : GovernanceServerFixture
{
    private readonly string _database = $"steward_gov_{Guid.NewGuid():N}";

    protected override async Task<string?> CreateConnectionStringAsync() => await TestPostgres.CreateDatabaseAsync(_database);

    protected override Task DropDatabaseAsync() => TestPostgres.DropDatabaseAsync(_database);
}

/// <summary>A clock the tests set: the one outside boundary governance needs faked (months pass between reviews).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>The local administrator as the acting principal, for writes made straight to the stores.</summary>
internal sealed class LocalAdminPrincipal : ICurrentPrincipal
{
    public Principal Principal => Principal.LocalAdmin;
}
