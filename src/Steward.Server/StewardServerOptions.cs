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
    /// Sign and store a tree head once this many entries were appended since the last one
    /// (default 1,000), so a rewrite of stored entries meets a signed head without anyone asking.
    /// </summary>
    public long LedgerHeadEntries { get; init; } = Audit.Heads.HeadSchedule.Default.Entries;

    /// <summary>Sign and store a tree head when this long passed since the last one and the log grew (default 60 s).</summary>
    public TimeSpan LedgerHeadInterval { get; init; } = Audit.Heads.HeadSchedule.Default.Interval;

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

    /// <summary>
    /// Requests one identity may have in progress at once (an authenticated user wherever it
    /// connects from; anyone else by client address); more are answered 429 with <c>Retry-After</c>.
    /// 0 turns the limit off. Per server process.
    /// </summary>
    public int MaxConcurrentRequestsPerIdentity { get; init; } = 32;

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> names the client: IP addresses or CIDR
    /// networks. Empty (the default): the header is ignored and the client is the connection's
    /// peer. Behind a proxy, name it, or every client shares the proxy's address in the
    /// authentication throttle and the per-address limits.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];
}
