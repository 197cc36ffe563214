using Steward.Artifacts;
using Steward.Audit;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Portfolio;
using Steward.Registry;
using Steward.Storage.Artifacts;
using Steward.Storage.Governance;
using Steward.Storage.Identity;
using Steward.Storage.Ledger;
using Steward.Storage.LoggedModels;
using Steward.Storage.ModelAudits;
using Steward.Storage.Portfolio;
using Steward.Storage.Registry;
using Steward.Storage.Sql;
using Steward.Storage.Tracking;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Storage;

/// <summary>
/// The stores of one Steward deployment, opened and migrated together: the only place that
/// knows which database is behind the interfaces.
/// </summary>
public sealed class StewardStorage : IAsyncDisposable
{
    private readonly SqlDatabase _database;

    private StewardStorage(SqlDatabase database, IArtifactStore artifacts, string ledgerKeyPath)
    {
        _database = database;
        LedgerKeyPath = ledgerKeyPath;
        Ledger = new SqlLedgerStore(database);
        IMetricWriter metricWriter = database.Dialect is PostgresDialect ? new PostgresMetricWriter() : new SqliteMetricWriter();
        Tracking = new SqlTrackingStore(database, metricWriter);
        Registry = new SqlRegistryStore(database);
        LoggedModels = new SqlLoggedModelStore(database);
        ModelAudits = new SqlModelAuditStore(database, database.Clock);
        Portfolio = new SqlPortfolioStore(database);
        Governance = new GovernanceStores(database);
        Identities = new SqlIdentityStore(database);
        CredentialChanges = new SqlCredentialChangeFeed(database);
        SessionKeys = new SqlSessionKeyStore(database);
        GateTransactions = new SqlGateTransaction(database);
        Artifacts = artifacts;
    }

    /// <summary>Experiments, runs and their data.</summary>
    public ITrackingStore Tracking { get; }

    /// <summary>Registered models, versions, tags and aliases.</summary>
    public IRegistryStore Registry { get; }

    /// <summary>MLflow 3's logged models.</summary>
    public ILoggedModelStore LoggedModels { get; }

    /// <summary>Fairness, drift and evaluation audits kept as evidence of model versions.</summary>
    public IModelAuditStore ModelAudits { get; }

    /// <summary>The overview's figures across the registry, read only.</summary>
    public IPortfolioStore Portfolio { get; }

    /// <summary>The model risk registry, scorecards, checklists, model cards and their configuration.</summary>
    public GovernanceStores Governance { get; }

    /// <summary>Users, their roles, domains and API tokens, and the domains.</summary>
    public IIdentityStore Identities { get; }

    /// <summary>Credential changes any server sharing the database committed (PostgreSQL only).</summary>
    public ICredentialChangeFeed CredentialChanges { get; }

    /// <summary>Stage and alias changes as one transaction with their gate's evaluation.</summary>
    public IGateTransaction GateTransactions { get; }

    /// <summary>The keys of the web UI's cookies, shared by every server on the database.</summary>
    public ISessionKeyStore SessionKeys { get; }

    /// <summary>The audit ledger: entries, Merkle tree nodes and signed heads.</summary>
    public ILedgerStore Ledger { get; }

    /// <summary>Where the ledger's signing key is kept (<see cref="LedgerKeyFile"/>).</summary>
    public string LedgerKeyPath { get; }

    /// <summary>Artifact bytes, in <see cref="StorageOptions.ArtifactDirectory"/>.</summary>
    public IArtifactStore Artifacts { get; }

    /// <summary>True on PostgreSQL, where several servers share one ledger.</summary>
    internal bool IsShared => _database.Dialect is PostgresDialect;

    /// <summary>Which database and folder are in use, for the start-up message (no secrets).</summary>
    public string Description => _database.Description;

    /// <summary>Creates the data folder, opens the database and migrates its schema.</summary>
    public static Task<StewardStorage> OpenAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OpenAsync(options, new LedgerAppender(options.Clock), cancellationToken);
    }

    /// <summary>
    /// As <see cref="OpenAsync(StorageOptions, CancellationToken)"/>, with writes appending their
    /// ledger entries through <paramref name="ledger"/>: how the benchmark that measures what the
    /// ledger costs runs Steward on storage whose writes record nothing.
    /// </summary>
    internal static async Task<StewardStorage> OpenAsync(StorageOptions options, ILedgerAppender ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        SqlDatabase database = string.IsNullOrWhiteSpace(options.PostgresConnectionString)
            ? SqliteDatabase.Open(Path.Combine(dataDirectory, "steward.db"), ledger, options.Clock)
            : PostgresDatabase.Open(options.PostgresConnectionString, ledger, options.Clock);
        try
        {
            await Migrator.MigrateAsync(database, cancellationToken);
            database.NoteOpened();
            var keyPath = string.IsNullOrWhiteSpace(options.LedgerKeyPath)
                ? Path.Combine(dataDirectory, LedgerKeyFile.DefaultFileName)
                : Path.GetFullPath(options.LedgerKeyPath);
            return new StewardStorage(database, new LocalArtifactStore(ArtifactFolder(options, dataDirectory)), keyPath);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Removes artifact writes that a stopped process left staged (bytes that never got their
    /// ledger entry, or whose move into place never ran) and returns their store paths. With
    /// SQLite this server is the only writer of its folder, so every one left before now goes;
    /// with PostgreSQL other servers may be uploading into the same storage, so only those
    /// untouched for <see cref="SharedStagingGrace"/>.
    /// </summary>
    public Task<IReadOnlyList<string>> RemoveAbandonedArtifactWritesAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return Artifacts.RemoveAbandonedAsync(_database.Dialect is PostgresDialect ? now - SharedStagingGrace : now, cancellationToken);
    }

    /// <summary>How long a staged artifact write may sit untouched before a starting server sharing a PostgreSQL database removes it.</summary>
    public static readonly TimeSpan SharedStagingGrace = TimeSpan.FromHours(1);

    /// <summary>
    /// Opens an existing Steward database for reading only, as verification does: no migration
    /// runs, nothing is created, so read-only database rights suffice and a database of another
    /// version is read as it is rather than changed.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no Steward ledger in that database.</exception>
    public static async Task<StewardStorage> OpenForReadingAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var sqlitePath = Path.Combine(dataDirectory, "steward.db");
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString) && !File.Exists(sqlitePath))
        {
            throw new InvalidOperationException($"no Steward database in {dataDirectory}");
        }

        // Nothing is written, so the appender is never asked to append.
        var ledger = new LedgerAppender(options.Clock);
        SqlDatabase database = string.IsNullOrWhiteSpace(options.PostgresConnectionString)
            ? SqliteDatabase.Open(sqlitePath, ledger, options.Clock, readOnly: true)
            : PostgresDatabase.Open(options.PostgresConnectionString, ledger, options.Clock);
        try
        {
            var hasLedger = await database.ReadAsync(
                session => session.FirstOrDefaultAsync<long?>(database.Dialect is PostgresDialect
                    ? "SELECT 1 FROM information_schema.tables WHERE table_name = 'ledger_state' AND table_schema = current_schema()"
                    : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger_state'"),
                cancellationToken);
            if (hasLedger is null) throw new InvalidOperationException($"no Steward ledger in {database.Description}: start a server on it first");
            var keyPath = string.IsNullOrWhiteSpace(options.LedgerKeyPath)
                ? Path.Combine(dataDirectory, LedgerKeyFile.DefaultFileName)
                : Path.GetFullPath(options.LedgerKeyPath);
            return new StewardStorage(database, new LocalArtifactStore(ArtifactFolder(options, dataDirectory), create: false), keyPath);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static string ArtifactFolder(StorageOptions options, string dataDirectory) =>
        string.IsNullOrWhiteSpace(options.ArtifactDirectory) ? Path.Combine(dataDirectory, "artifacts") : Path.GetFullPath(options.ArtifactDirectory);

    /// <summary>Closes the database connections.</summary>
    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
