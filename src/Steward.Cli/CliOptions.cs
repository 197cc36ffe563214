using System.CommandLine;
using Steward.Cli.Output;
using Steward.Server;

namespace Steward.Cli;

/// <summary>
/// Every option of the CLI, declared once with its help text and default. Commands add the
/// instances they use, so an option means the same everywhere.
/// </summary>
internal static class CliOptions
{
    private static readonly StewardServerOptions ServerDefaults = new();

    public const string DefaultServerUrl = "http://127.0.0.1:5000";

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

    // Identity verbs.
    public static readonly Option<string[]> Roles = new("--role")
    {
        Description = "A role: admin, data-scientist, ml-engineer, data-engineer, risk-manager, ethics-officer, governance-officer, release-manager, product-manager, data-analyst, executive, auditor; repeat for several.",
        HelpName = "role",
    };

    public static readonly Option<string[]> Domains = new("--domain")
    {
        Description = "A domain the user writes in; repeat for several (the first is where their new objects go).",
        HelpName = "domain",
    };

    public static readonly Option<string?> Domain = new("--domain")
    {
        Description = "The domain that owns it. Default: your default (first) domain.",
        HelpName = "domain",
    };

    public static readonly Option<string?> DisplayName = new("--display-name")
    {
        Description = "How people call the user. Default: the user name.",
        HelpName = "text",
    };

    public static readonly Option<string?> Email = new("--email")
    {
        Description = "The user's email address (empty clears it).",
        HelpName = "address",
    };

    public static readonly Option<string?> User = new("--user", "-u")
    {
        Description = "Whose tokens. Default: yours.",
        HelpName = "name",
    };

    public static readonly Option<string?> Expires = new("--expires")
    {
        Description = "When the token stops working: a duration (30d, 12h), a date (2027-01-31), or never. Default: 90 days.",
        HelpName = "when",
    };

    public static readonly Option<string?> Description = new("--description")
    {
        Description = "Free text.",
        HelpName = "text",
    };

    // Audit verbs.
    public static readonly Option<string?> Bundle = new("--bundle")
    {
        Description = "Verify an exported audit bundle offline instead of the stored ledger (no server or database needed).",
        HelpName = "file",
    };

    public static readonly Option<string[]> Heads = new("--heads")
    {
        Description = "A file of signed tree heads kept outside the database (JSON lines, as 'audit head --save' and 'audit witness' write them); every head in it is checked. Repeatable.",
        HelpName = "file",
    };

    public static readonly Option<string?> PublicKey = new("--public-key")
    {
        Description = "The ledger's public key (PEM or base64 DER, as 'audit key' prints it) to check heads with; no signing key needed.",
        HelpName = "file",
    };

    public static readonly Option<bool> State = new("--state")
    {
        Description = "Also check the governed records (run params, metrics and tags; model versions, stages and aliases) against what the ledger says was written.",
    };

    public static readonly Option<string?> SaveHead = new("--save")
    {
        Description = "Append the head to this file of heads (JSON lines), after checking its signature against the heads already there.",
        HelpName = "file",
    };

    public static readonly Option<string> WitnessHeads = new("--heads")
    {
        Description = "The witness's file of heads (JSON lines): read to resume, each new consistent head appended.",
        Required = true,
        HelpName = "file",
    };

    public static readonly Option<string> Interval = new("--interval")
    {
        Description = "How long to wait between polls: 500ms, 30s, 5m.",
        DefaultValueFactory = _ => "30s",
        HelpName = "duration",
    };

    public static readonly Option<int?> Polls = new("--polls")
    {
        Description = "Stop after this many polls (default: until Ctrl-C).",
        HelpName = "n",
    };

    public static readonly Option<long> HeadEntries = new("--head-every")
    {
        Description = "Sign and store a ledger tree head after this many new entries.",
        DefaultValueFactory = _ => Steward.Audit.Heads.HeadSchedule.Default.Entries,
        HelpName = "entries",
    };

    public static readonly Option<string> HeadInterval = new("--head-interval")
    {
        Description = "Sign and store a ledger tree head when this long passed since the last and the log grew: 500ms, 60s, 5m.",
        DefaultValueFactory = _ => "60s",
        HelpName = "duration",
    };

    public static readonly Option<string> Out = new("--out")
    {
        Description = "File to write the audit bundle to.",
        Required = true,
        HelpName = "file",
    };

    public static readonly Option<string?> Resource = new("--resource")
    {
        Description = "Only entries about this resource or those below it, e.g. run/<id> or registered_model/<name>.",
        HelpName = "resource",
    };

    public static readonly Option<string?> Actor = new("--actor")
    {
        Description = "Only entries by this actor.",
        HelpName = "name",
    };

    public static readonly Option<string?> AuditAction = new("--action")
    {
        Description = "Only entries of this action, e.g. model_version.transition_stage.",
        HelpName = "action",
    };

    public static readonly Option<long?> Start = new("--start")
    {
        Description = "First entry index (0-based, inclusive).",
        HelpName = "index",
    };

    public static readonly Option<long?> End = new("--end")
    {
        Description = "Entry index to stop before (exclusive).",
        HelpName = "index",
    };

    // Audits of data files (audit fairness, audit drift, evaluate). The server's --data is a folder;
    // the file an audit reads is --input, so one option name never means two things.
    public static readonly Option<string> Input = new("--input")
    {
        Description = "CSV (.csv, .tsv, .csv.gz) or Parquet file with one row per prediction.",
        Required = true,
        HelpName = "file",
    };

    public static readonly Option<string> Label = new("--label")
    {
        Description = "The true outcome column. Binary: 0/1, true/false, or two values with --positive naming the positive one.",
        Required = true,
        HelpName = "column",
    };

    public static readonly Option<string?> Positive = new("--positive")
    {
        Description = "The label value that is positive (compared as text), e.g. Yes; a text prediction column uses it too.",
        HelpName = "value",
    };

    public static readonly Option<double?> ScoreThreshold = new("--threshold")
    {
        Description = "With --score, the score at or above which a prediction is positive. evaluate: default 0.5, for accuracy, precision, recall, F1 and the confusion matrix.",
        HelpName = "number",
    };

    public static readonly Option<string?> Where = new("--where")
    {
        Description = "SQL predicate selecting the rows to read (of both files, for audit drift), e.g. \"region = 'EU'\".",
        HelpName = "sql",
    };

    public static readonly Option<string?> Report = new("--report")
    {
        Description = "Also write a report: FILE.html (one page, charts inline) or FILE.md (charts as SVG files beside it).",
        HelpName = "file",
    };

    // audit drift's --threshold is the drift method's, not a score's: declared here beside the other.
    public static readonly Option<double?> DriftThreshold = new("--threshold")
    {
        Description = "Threshold of --method: a p-value below it (ks, chisquare; default 0.05) or a distance at or above it (psi, wasserstein, jensenshannon; default 0.1) is drift.",
        HelpName = "number",
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
