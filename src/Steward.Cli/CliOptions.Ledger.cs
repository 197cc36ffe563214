using System.CommandLine;

namespace Steward.Cli;

/// <summary>The options of the ledger's verbs (steward audit ...) and of the server's signed-head schedule.</summary>
internal static partial class CliOptions
{
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

    public static readonly Option<string?> EntriesSince = new("--since")
    {
        Description = "Only entries appended at or after this time: an ISO 8601 date or date-time (UTC unless it names an offset), or how long ago (30m, 12h, 7d).",
        HelpName = "time",
    };

    public static readonly Option<string?> EntriesUntil = new("--until")
    {
        Description = "Only entries appended before this time: an ISO 8601 date or date-time (UTC unless it names an offset), or how long ago (30m, 12h, 7d).",
        HelpName = "time",
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
}
