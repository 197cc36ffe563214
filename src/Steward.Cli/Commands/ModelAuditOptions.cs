using System.CommandLine;
using System.Globalization;
using Steward.Cli.Commands.Governance;
using Steward.Cli.Infrastructure;
using Steward.Contracts.ModelAudits;

namespace Steward.Cli.Commands;

/// <summary>
/// The options of <c>steward models audit</c>, named as the file audits' (<c>audit fairness</c>,
/// <c>audit drift</c>, <c>evaluate</c>) where they mean the same, each applying to the kinds it
/// names; and the typed request they make. Defaults are the server's, so none is set here.
/// </summary>
internal static class ModelAuditOptions
{
    public static readonly string[] Kinds = ["fairness", "drift", "evaluation"];

    private const string Fairness = "fairness";
    private const string Drift = "drift";
    private const string Evaluation = "evaluation";

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "fairness, evaluation: the CSV or Parquet file of predictions, relative to the server's data-set folder (steward server --datasets).",
        HelpName = "file",
    };

    public static readonly Option<string?> Reference = new("--reference")
    {
        Description = "drift: the baseline file (e.g. the training data), relative to the server's data-set folder.",
        HelpName = "file",
    };

    public static readonly Option<string?> Current = new("--current")
    {
        Description = "drift: the file to check against the baseline, relative to the server's data-set folder.",
        HelpName = "file",
    };

    public static readonly Option<string?> Label = new("--label")
    {
        Description = "fairness, evaluation: the true outcome column.",
        HelpName = "column",
    };

    public static readonly Option<string?> Prediction = new("--prediction")
    {
        Description = "fairness, evaluation: the prediction column.",
        HelpName = "column",
    };

    public static readonly Option<string?> Score = new("--score")
    {
        Description = "fairness, evaluation: a numeric score column; at or above --threshold is a positive prediction.",
        HelpName = "column",
    };

    public static readonly Option<double?> Threshold = new("--threshold")
    {
        Description = "fairness, evaluation: the score at or above which a prediction is positive (evaluation default 0.5). drift: the --method's threshold (p-value below it, or distance at or above it, is drift).",
        HelpName = "number",
    };

    public static readonly Option<string[]> Sensitive = new("--sensitive")
    {
        Description = "fairness: sensitive column(s), comma-separated or repeated.",
        HelpName = "column[,column]",
    };

    public static readonly Option<string?> ReferenceGroup = new("--reference-group")
    {
        Description = "fairness: the disparate-impact reference group, one value per sensitive column, comma-separated. Default: the highest selection rate.",
        HelpName = "value[,value]",
    };

    public static readonly Option<string?> Method = new("--method")
    {
        Description = "fairness: between-groups (default) or to-overall. drift: ks, chisquare, psi, wasserstein or jensenshannon (default: chosen per column).",
        HelpName = "method",
    };

    public static readonly Option<int?> Bootstrap = new("--bootstrap")
    {
        Description = "fairness: bootstrap resamples for the confidence intervals; 0 for none (default 1000).",
        HelpName = "n",
    };

    public static readonly Option<long?> Seed = new("--seed")
    {
        Description = "fairness: seed of the bootstrap (default 0).",
        HelpName = "n",
    };

    public static readonly Option<double?> Confidence = new("--confidence")
    {
        Description = "fairness: confidence level of the intervals (default 0.95).",
        HelpName = "level",
    };

    public static readonly Option<double?> DisparateImpactThreshold = new("--disparate-impact-threshold")
    {
        Description = "fairness: the selection-rate ratio below which a group fails (default 0.8, the four-fifths rule).",
        HelpName = "ratio",
    };

    public static readonly Option<string[]> Columns = new("--columns")
    {
        Description = "drift: columns to compare, comma-separated. Default: every column the files share.",
        HelpName = "column[,column]",
    };

    public static readonly Option<string[]> Categorical = new("--categorical")
    {
        Description = "drift: columns compared as categories even if they hold numbers, comma-separated.",
        HelpName = "column[,column]",
    };

    public static readonly Option<string[]> Numeric = new("--numeric")
    {
        Description = "drift: columns compared as numbers even if stored as text, comma-separated.",
        HelpName = "column[,column]",
    };

    public static readonly Option<int?> Bins = new("--bins")
    {
        Description = "drift: bins for PSI and Jensen–Shannon (default 10). evaluation: bins of the calibration curve (default 10).",
        HelpName = "n",
    };

    public static readonly Option<double?> DriftShare = new("--drift-share")
    {
        Description = "drift: the data set drifted when at least this share of the compared columns drifted (default 0.5).",
        HelpName = "share",
    };

    public static readonly Option<string?> Task = new("--task")
    {
        Description = "evaluation: binary, regression or multiclass. Default: inferred from the columns.",
        HelpName = "binary|regression|multiclass",
    };

    public static readonly Option<string?> BinStrategy = new("--bin-strategy")
    {
        Description = "evaluation: calibration bins of equal width (uniform, default) or equal rows (quantile).",
        HelpName = "uniform|quantile",
    };

    public static readonly Option<string[]> Minimums = new("--min")
    {
        Description = "evaluation: a bound the evidence must meet, metric=value for a metric where higher is better (rocAuc=0.8, f1=0.6); repeat for several.",
        HelpName = "metric=value",
    };

    public static readonly Option<string[]> Maximums = new("--max")
    {
        Description = "evaluation: a bound for an error metric, metric=value (logLoss=0.5, rmse=3); repeat for several.",
        HelpName = "metric=value",
    };

    /// <summary>Every option with the kinds it applies to; giving one to another kind is a usage error, not a silent no-op.</summary>
    private static readonly (Option Option, string[] Kinds)[] Applies =
    [
        (Data, [Fairness, Evaluation]), (Reference, [Drift]), (Current, [Drift]),
        (Label, [Fairness, Evaluation]), (Prediction, [Fairness, Evaluation]), (Score, [Fairness, Evaluation]),
        (Threshold, Kinds), (CliOptions.Positive, [Fairness, Evaluation]), (CliOptions.Where, Kinds),
        (Sensitive, [Fairness]), (ReferenceGroup, [Fairness]), (Method, [Fairness, Drift]),
        (Bootstrap, [Fairness]), (Seed, [Fairness]), (Confidence, [Fairness]), (DisparateImpactThreshold, [Fairness]),
        (Columns, [Drift]), (Categorical, [Drift]), (Numeric, [Drift]), (Bins, [Drift, Evaluation]), (DriftShare, [Drift]),
        (Task, [Evaluation]), (BinStrategy, [Evaluation]), (Minimums, [Evaluation]), (Maximums, [Evaluation]),
    ];

    public static IEnumerable<Option> All => Applies.Select(a => a.Option);

    /// <summary>The request of <paramref name="kind"/> from the options given; an option of another kind exits 1 naming it.</summary>
    public static ModelAuditRequest Request(ParseResult parse, string kind)
    {
        foreach (var (option, kinds) in Applies)
        {
            if (parse.GetResult(option) is { Implicit: false } && !kinds.Contains(kind))
                throw new CliException($"{option.Name} does not apply to a {kind} audit (it applies to {string.Join(" and ", kinds)})");
        }

        return kind switch
        {
            Fairness => new FairnessAuditRequest
            {
                Data = parse.GetValue(Data),
                Where = parse.GetValue(CliOptions.Where),
                Label = parse.GetValue(Label),
                Prediction = parse.GetValue(Prediction),
                Score = parse.GetValue(Score),
                Threshold = parse.GetValue(Threshold),
                Sensitive = List(parse.GetValue(Sensitive)),
                Positive = parse.GetValue(CliOptions.Positive),
                ReferenceGroup = parse.GetValue(ReferenceGroup) is { } group ? group.Split(',', StringSplitOptions.TrimEntries) : null,
                Method = parse.GetValue(Method),
                Bootstrap = parse.GetValue(Bootstrap),
                Seed = parse.GetValue(Seed),
                Confidence = parse.GetValue(Confidence),
                DisparateImpactThreshold = parse.GetValue(DisparateImpactThreshold),
            },
            Drift => new DriftAuditRequest
            {
                Reference = parse.GetValue(Reference),
                Current = parse.GetValue(Current),
                Where = parse.GetValue(CliOptions.Where),
                Columns = List(parse.GetValue(Columns)),
                Categorical = List(parse.GetValue(Categorical)),
                Numeric = List(parse.GetValue(Numeric)),
                Method = parse.GetValue(Method),
                Threshold = parse.GetValue(Threshold),
                Bins = parse.GetValue(Bins),
                DriftShare = parse.GetValue(DriftShare),
            },
            _ => new EvaluationAuditRequest
            {
                Data = parse.GetValue(Data),
                Where = parse.GetValue(CliOptions.Where),
                Label = parse.GetValue(Label),
                Score = parse.GetValue(Score),
                Prediction = parse.GetValue(Prediction),
                Task = parse.GetValue(Task),
                Positive = parse.GetValue(CliOptions.Positive),
                Threshold = parse.GetValue(Threshold),
                Bins = parse.GetValue(Bins),
                BinStrategy = parse.GetValue(BinStrategy),
                Minimums = Bounds(parse.GetValue(Minimums), "--min"),
                Maximums = Bounds(parse.GetValue(Maximums), "--max"),
            },
        };
    }

    private static string[]? List(string[]? values) => values is { Length: > 0 } ? FileAudit.SplitList(values) : null;

    private static Dictionary<string, double>? Bounds(string[]? values, string option)
    {
        if (values is not { Length: > 0 }) return null;
        var bounds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (metric, text) in KeyValues.Parse(values, option))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound) || !double.IsFinite(bound))
                throw new CliException($"{option}: '{text}' is not a number (in {metric}={text})");
            bounds[metric] = bound;
        }

        return bounds;
    }
}
