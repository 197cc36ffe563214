using System.CommandLine;
using Steward.Cli.Output;
using Steward.Server;

namespace Steward.Cli;

/// <summary>
/// Every option of the CLI, declared once with its help text and default. Commands add the
/// instances they use, so an option means the same everywhere. One file per group of verbs
/// (CliOptions.*.cs); this one holds the client's and the server's, and the validators.
/// </summary>
internal static partial class CliOptions
{
    private static readonly StewardServerOptions ServerDefaults = new();

    public static readonly string DefaultServerUrl = Steward.Client.StewardClient.DefaultAddress.OriginalString;

    // Client verbs.
    public static readonly Option<string?> Server = new("--server")
    {
        Description = $"Steward server URL. Default: $STEWARD_URL, else $MLFLOW_TRACKING_URI (http/https only), else {DefaultServerUrl}.",
        HelpName = "url",
    };

    public static readonly Option<string?> Token = new("--token")
    {
        Description = "API token to authenticate with. Default: $STEWARD_TOKEN, else $MLFLOW_TRACKING_TOKEN; none on a loopback server that needs none.",
        HelpName = "token",
    };

    public static readonly Option<OutputFormat> Output = new("--output", "-o")
    {
        Description = "table for people, json for scripts (the native API's JSON).",
        DefaultValueFactory = _ => OutputFormat.Table,
        HelpName = "table|json",
    };

    public static readonly Option<string?> Filter = new("--filter")
    {
        Description = "Search filter in MLflow syntax, e.g. \"metrics.rmse < 1 and params.model = 'tree'\".",
        HelpName = "expression",
    };

    public static readonly Option<string[]> OrderBy = new("--order-by")
    {
        Description = "Sort clause, e.g. \"metrics.rmse ASC\"; repeat for several.",
        HelpName = "clause",
    };

    public static readonly Option<int?> MaxResults = new("--max-results")
    {
        Description = "Largest number of results to show (one page).",
        HelpName = "n",
    };

    public static readonly Option<string?> PageToken = new("--page-token")
    {
        Description = "Continue a listing from the token a previous page printed.",
        HelpName = "token",
    };

    public static readonly Option<string[]> Experiment = new("--experiment", "-e")
    {
        Description = "Experiment id or name; repeat for several. Default: every active experiment.",
        HelpName = "id-or-name",
    };

    // Server verb.
    public static readonly Option<string> Host = new("--host")
    {
        Description = "Address to listen on. Loopback by default: nothing is exposed unless asked.",
        DefaultValueFactory = _ => ServerDefaults.Host,
    };

    public static readonly Option<int> Port = new("--port")
    {
        Description = "TCP port to listen on; 0 picks a free one.",
        DefaultValueFactory = _ => ServerDefaults.Port,
    };

    public static readonly Option<string> Data = new("--data")
    {
        Description = "Folder for the embedded database and the artifacts.",
        DefaultValueFactory = _ => ServerDefaults.DataDirectory,
        HelpName = "folder",
    };

    public static readonly Option<string?> Database = new("--db")
    {
        Description = "PostgreSQL connection string (\"Host=...;Database=...\"). Default: $STEWARD_DB, else SQLite in --data.",
        HelpName = "connection-string",
    };

    public static readonly Option<string?> LedgerKey = new("--ledger-key")
    {
        Description = "The ledger's signing key file (PKCS#8 PEM). Default: ledger-key.pem in --data, created on first start. Replicas sharing one PostgreSQL database need the same file.",
        HelpName = "path",
    };

    public static readonly Option<string?> Artifacts = new("--artifacts")
    {
        Description = "The artifact store's folder. Default: artifacts in --data. Replicas sharing one PostgreSQL database need the same (shared) folder.",
        HelpName = "dir",
    };

    public static readonly Option<string?> DataSets = new("--datasets")
    {
        Description = "The folder of CSV and Parquet files that audits run through the API may read. Default: datasets in --data.",
        HelpName = "dir",
    };

    public static readonly Option<bool> RequireTokens = new("--require-tokens")
    {
        Description = "Require credentials on a loopback address too (elsewhere they always are); without them, requests on loopback act as local-admin.",
    };

    public static readonly Option<int> MaxConcurrentRequests = new("--max-concurrent-requests")
    {
        Description = "Requests one identity (a user, or a client address without one) may have in progress at once; more get 429 with Retry-After. 0: no limit.",
        DefaultValueFactory = _ => ServerDefaults.MaxConcurrentRequestsPerIdentity,
        HelpName = "count",
    };

    public static readonly Option<string[]> TrustedProxies = new("--trusted-proxy")
    {
        Description = "A reverse proxy (IP address or CIDR network) whose X-Forwarded-For names the client; repeat for several. Without it the header is ignored.",
        HelpName = "address",
    };

    static CliOptions()
    {
        Port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError("--port must be between 0 and 65535.");
        });
        MaxConcurrentRequests.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--max-concurrent-requests must be 0 (no limit) or more.");
        });
        ScoreThreshold.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } t && !double.IsFinite(t)) result.AddError("--threshold must be a finite number.");
        });
        TrustedProxies.Validators.Add(result =>
        {
            foreach (var proxy in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!System.Net.IPNetwork.TryParse(proxy, out _) && !System.Net.IPAddress.TryParse(proxy, out _))
                {
                    result.AddError($"--trusted-proxy '{proxy}' is not an IP address (10.0.0.5) or a network (10.0.0.0/8).");
                }
            }
        });
    }
}
