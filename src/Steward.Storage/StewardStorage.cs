using Steward.Artifacts;
using Steward.Audit;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Storage.Artifacts;
using Steward.Storage.Governance;
using Steward.Storage.Identity;
using Steward.Storage.Ledger;
using Steward.Storage.LoggedModels;
using Steward.Storage.ModelAudits;
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
        ModelAudits = new SqlModelAuditStore(database);
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

    /// <summary>Which database and folder are in use, for the start-up message (no secrets).</summary>
    public string Description => _database.Description;

    /// <summary>Creates the data folder, opens the database and migrates its schema.</summary>
    public static async Task<StewardStorage> OpenAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        SqlDatabase database = string.IsNullOrWhiteSpace(options.PostgresConnectionString)
            ? SqliteDatabase.Open(Path.Combine(dataDirectory, "steward.db"))
            : PostgresDatabase.Open(options.PostgresConnectionString);
        database.RecordsLedger = !options.WithoutLedger;
        try
        {
            await Migrator.MigrateAsync(database, cancellationToken);
            database.NoteOpened();
            var keyPath = string.IsNullOrWhiteSpace(options.LedgerKeyPath)
                ? Path.Combine(dataDirectory, LedgerKeyFile.DefaultFileName)
                : Path.GetFullPath(options.LedgerKeyPath);
            var artifactDirectory = string.IsNullOrWhiteSpace(options.ArtifactDirectory)
                ? Path.Combine(dataDirectory, "artifacts")
                : Path.GetFullPath(options.ArtifactDirectory);
            return new StewardStorage(database, new LocalArtifactStore(artifactDirectory), keyPath);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the database connections.</summary>
    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
