using System.CommandLine;

namespace Steward.Cli;

/// <summary>The options of the audits of data files (audit fairness, audit drift, evaluate).</summary>
internal static partial class CliOptions
{
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
        Description = "SQL predicate selecting the rows to read (audit drift: of both files, ANDed with --reference-where/--current-where), e.g. \"region = 'EU'\".",
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
}
