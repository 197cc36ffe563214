using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Steward.Analytics.Fairness;
using Steward.Analytics.Files;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Reports.Fairness;
using Steward.Stats.Fairness;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward audit fairness</c>: a fairness audit of a local CSV or Parquet file of predictions,
/// counted in DuckDB, printed as a table or the documented JSON, optionally written as an HTML or
/// Markdown report. Needs no server.
/// </summary>
internal static class AuditFairnessCommand
{
    private const string Missing = "(missing)";

    private static readonly Option<string?> Prediction = new("--prediction")
    {
        Description = "The binary prediction column (0/1, true/false, or text with the --positive value).",
        HelpName = "column",
    };

    private static readonly Option<string?> Score = new("--score")
    {
        Description = "A numeric score column instead of --prediction; a score at or above --threshold is a positive prediction.",
        HelpName = "column",
    };

    private static readonly Option<string[]> Sensitive = new("--sensitive")
    {
        Description = "Sensitive column(s), comma-separated (race,sex audits every intersection). Rows with no value form a group '(missing)'.",
        Required = true,
        HelpName = "column[,column]",
    };

    private static readonly Option<string?> ReferenceGroup = new("--reference-group")
    {
        Description = "Disparate-impact reference group, one value per sensitive column, comma-separated ('(missing)' for no value). Default: the group with the highest selection rate.",
        HelpName = "value[,value]",
    };

    private static readonly Option<string> Method = new("--method")
    {
        Description = "How disparities compare groups: between-groups (largest minus smallest; Fairlearn's default) or to-overall.",
        DefaultValueFactory = _ => "between-groups",
        HelpName = "between-groups|to-overall",
    };

    private static readonly Option<int> Bootstrap = new("--bootstrap")
    {
        Description = "Bootstrap resamples for the confidence intervals; 0 for none.",
        DefaultValueFactory = _ => 1000,
        HelpName = "n",
    };

    private static readonly Option<long> Seed = new("--seed")
    {
        Description = "Seed of the bootstrap; the same seed gives the same intervals.",
        DefaultValueFactory = _ => 0,
        HelpName = "n",
    };

    private static readonly Option<double> Confidence = new("--confidence")
    {
        Description = "Confidence level of the intervals.",
        DefaultValueFactory = _ => 0.95,
        HelpName = "level",
    };

    static AuditFairnessCommand()
    {
        Method.AcceptOnlyFromAmong("between-groups", "to-overall");
        Bootstrap.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > FairnessLimits.MaxBootstrapResamples)
                r.AddError($"--bootstrap must be between 0 and {FairnessLimits.MaxBootstrapResamples:N0}.");
        });
        Confidence.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and < 1))
                r.AddError("--confidence must be strictly between 0 and 1, e.g. 0.95.");
        });
    }

    public static Command Create()
    {
        var command = new Command("fairness", "Fairness audit of a file of predictions: per-group rates, Fairlearn's disparities, disparate impact and the four-fifths rule, with bootstrap intervals.")
        {
            CliOptions.Input, CliOptions.Label, Prediction, Score, CliOptions.ScoreThreshold, Sensitive, CliOptions.Where, CliOptions.Positive,
            ReferenceGroup, Method, Bootstrap, Seed, Confidence, CliOptions.Output, CliOptions.Report,
        };
        command.SetAction((parse, _) => CliAction.RunAsync(() => Task.FromResult(Run(parse))));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        FileAudit.Run(parse, () => Audit(parse), FairnessJson.Serialize, PrintTables, FairnessReportDocument.Build);
        return ExitCodes.Ok;
    }

    private static FairnessReport Audit(ParseResult parse)
    {
        var spec = new FairnessDataSpec
        {
            Label = parse.GetRequiredValue(CliOptions.Label),
            Prediction = parse.GetValue(Prediction),
            Score = parse.GetValue(Score),
            Threshold = parse.GetValue(CliOptions.ScoreThreshold),
            Positive = parse.GetValue(CliOptions.Positive),
            Sensitive = FileAudit.SplitList(parse.GetRequiredValue(Sensitive)),
        };
        var resamples = parse.GetValue(Bootstrap);
        var options = new FairnessOptions
        {
            Method = parse.GetValue(Method) == "to-overall" ? DisparityMethod.ToOverall : DisparityMethod.BetweenGroups,
            ReferenceGroup = parse.GetValue(ReferenceGroup) is { } reference
                ? FileAudit.SplitList([reference]).Select(v => v == Missing ? null : v).ToArray()
                : null,
            Bootstrap = resamples == 0 ? null : new BootstrapOptions(resamples, parse.GetValue(Confidence), parse.GetValue(Seed)),
        };

        using var file = DataFile.Open(parse.GetRequiredValue(CliOptions.Input), parse.GetValue(CliOptions.Where));
        // Counts in DuckDB, then computes and bootstraps; the spinner says which.
        return FileAudit.WithProgress("Reading…", status =>
        {
            status($"Counting {Path.GetFileName(file.Path)} by {string.Join(" × ", spec.Sensitive)}…");
            var table = FairnessCounting.Count(file, spec);
            if (options.Bootstrap is { } b)
                status($"Bootstrapping {b.Resamples:N0} resamples of {table.Overall.Total:N0} rows…");
            return FairnessAudit.Run(table, options, FairnessFileAudit.Source(file, spec));
        });
    }

    private static void PrintTables(FairnessReport report)
    {
        var impact = report.Disparities.DisparateImpact;
        var level = report.Settings.Bootstrap is { } b ? $" ({b.Confidence * 100:0.##} % interval)" : "";
        var groups = Printer.Table(
            [string.Join(" / ", report.Settings.SensitiveFeatures), "Rows", "Selection rate" + level, "TPR", "FPR", "FNR", "Precision", "Accuracy", "Impact ratio", ""]);
        for (var i = 0; i < report.Groups.Count; i++)
        {
            var g = report.Groups[i];
            var ratio = impact.Groups[i];
            groups.Row(FairnessReportDocument.GroupName(g.Group), g.Count.ToString("N0", CultureInfo.InvariantCulture),
                WithInterval(g.SelectionRate, g.Intervals?.SelectionRate), Number(g.TruePositiveRate), Number(g.FalsePositiveRate),
                Number(g.FalseNegativeRate), Number(g.Precision), Number(g.Accuracy), Number(ratio.Ratio),
                ratio.BelowThreshold == true ? "below 4/5" : SameGroup(g.Group, impact.ReferenceGroup) ? "reference" : "");
        }
        for (var c = 1; c < 9; c++)
            groups.Columns[c].RightAligned();
        Printer.Write(groups);

        var d = report.Disparities;
        var intervals = d.Intervals;
        var disparities = Printer.Table("Disparity", "Value", report.Settings.Bootstrap is { } bs ? $"{bs.Confidence * 100:0.##} % interval" : "");
        disparities.Row("Demographic parity difference", Number(d.DemographicParityDifference), Interval(intervals?.DemographicParityDifference));
        disparities.Row("Demographic parity ratio", Number(d.DemographicParityRatio), Interval(intervals?.DemographicParityRatio));
        disparities.Row("Equalized odds difference", Number(d.EqualizedOddsDifference), Interval(intervals?.EqualizedOddsDifference));
        disparities.Row("Equalized odds ratio", Number(d.EqualizedOddsRatio), Interval(intervals?.EqualizedOddsRatio));
        disparities.Row("Equal opportunity difference", Number(d.EqualOpportunityDifference), Interval(intervals?.EqualOpportunityDifference));
        disparities.Row("Equal opportunity ratio", Number(d.EqualOpportunityRatio), Interval(intervals?.EqualOpportunityRatio));
        disparities.Row("Smallest impact ratio", Number(impact.MinimumRatio), Interval(intervals?.DisparateImpactMinimumRatio));
        disparities.Columns[1].RightAligned();
        Printer.Write(disparities);

        var reference = FairnessReportDocument.GroupName(impact.ReferenceGroup);
        Printer.Line(impact.PassesFourFifthsRule switch
        {
            true => $"Four-fifths rule met: every selection rate is at least {impact.Threshold:0.##} of {reference}'s.",
            false => $"Four-fifths rule FAILED: {impact.Groups.Count(g => g.BelowThreshold == true)} group(s) below {impact.Threshold:0.##} of {reference}'s selection rate.",
            null => $"Disparate impact undefined: {reference}'s selection rate is 0.",
        });
        foreach (var note in report.Notes)
            Printer.Line("Note: " + note);
    }

    private static bool SameGroup(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b) =>
        a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Number(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Interval(ConfidenceInterval? interval) => interval is null ? "" : $"{Number(interval.Lower)} – {Number(interval.Upper)}";

    private static string WithInterval(double? value, ConfidenceInterval? interval) =>
        interval is null ? Number(value) : $"{Number(value)} ({Number(interval.Lower)}–{Number(interval.Upper)})";
}
