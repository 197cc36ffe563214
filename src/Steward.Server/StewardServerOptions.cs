namespace Steward.Server;

/// <summary>Every server option, with its default, in one place.</summary>
public sealed record StewardServerOptions
{
    /// <summary>Address to listen on. Loopback by default: nothing is exposed unless asked.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>Folder for the embedded database and the artifact store.</summary>
    public string DataDirectory { get; init; } = "steward-data";

    /// <summary>PostgreSQL connection string; null uses the embedded SQLite database.</summary>
    public string? Database { get; init; }

    /// <summary>
    /// Require credentials even on a loopback address, where requests without them would act as
    /// the local admin. Off a loopback address credentials are always required.
    /// </summary>
    public bool RequireTokens { get; init; }

    /// <summary>
    /// The ledger's signing key (PKCS#8 PEM); null uses <c>{DataDirectory}/ledger-key.pem</c>,
    /// created on first start. Servers sharing one PostgreSQL database need the same key file.
    /// </summary>
    public string? LedgerKeyPath { get; init; }

    /// <summary>
    /// The artifact store's folder; null uses <c>{DataDirectory}/artifacts</c>. Servers sharing
    /// one PostgreSQL database need the same folder (a shared mount).
    /// </summary>
    public string? ArtifactDirectory { get; init; }

    /// <summary>
    /// The folder whose CSV and Parquet files audits run through the API may read; null uses
    /// <c>{DataDirectory}/datasets</c>. Paths outside it are refused.
    /// </summary>
    public string? DataSetDirectory { get; init; }
}
