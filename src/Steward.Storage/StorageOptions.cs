namespace Steward.Storage;

/// <summary>Where Steward keeps its metadata and artifacts.</summary>
public sealed record StorageOptions
{
    /// <summary>Folder for the embedded SQLite database and the local artifact store; created when missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// A PostgreSQL connection string (<c>Host=...;Database=...</c>); null keeps metadata in
    /// SQLite at <c>{DataDirectory}/steward.db</c>.
    /// </summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>
    /// The artifact store's folder; null means <c>{DataDirectory}/artifacts</c>. Servers sharing
    /// one PostgreSQL database must all be given the same folder (a shared mount), since a run
    /// logged through one is read through another.
    /// </summary>
    public string? ArtifactDirectory { get; init; }

    /// <summary>
    /// The ledger's signing key file; null means <c>{DataDirectory}/ledger-key.pem</c>. Servers
    /// sharing one PostgreSQL database must all be given the same key file.
    /// </summary>
    public string? LedgerKeyPath { get; init; }

    /// <summary>
    /// The clock the stores stamp rows with, ledger entries on SQLite included (on PostgreSQL
    /// the ledger's times come from the database server, under its lock); the system clock
    /// unless a host or a test injects another.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
