using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Steward.Analytics.Drift;
using Steward.Analytics.Files;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Reports.Drift;
using Steward.Stats.Drift;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward audit drift</c>: drift between a reference and a current CSV or Parquet file, column
/// by column and for the data set, printed as a table or the documented JSON, optionally written as
/// an HTML or Markdown report. Needs no server.
/// </summary>
internal static class AuditDriftCommand
{
    private static readonly Option<string> Reference = new("--reference")
    {
        Description = "The baseline: CSV (.csv, .tsv, .csv.gz) or Parquet file, e.g. the training data.",
        Required = true,
        HelpName = "file",
    };

    private static readonly Option<string> Current = new("--current")
    {
        Description = "The data to check against the baseline, e.g. last week's inputs.",
        Required = true,
        HelpName = "file",
    };

    private static readonly Option<string[]> Columns = new("--columns")
    {
        Description = "Columns to compare, comma-separated; each must be in both files. Default: every column the files share (the others are listed as not compared).",
        HelpName = "column[,column]",
    };

    private static readonly Option<string[]> Categorical = new("--categorical")
    {
        Description = "Columns compared as categories even if they hold numbers (codes, ratings), comma-separated.",
        HelpName = "column[,column]",
    };

    private static readonly Option<string[]> Numeric = new("--numeric")
    {
        Description = "Columns compared as numbers even if stored as text, comma-separated; every value must parse (blank is missing).",
        HelpName = "column[,column]",
    };

    private static readonly Option<string?> ReferenceWhere = new("--reference-where")
    {
        Description = "SQL predicate selecting the reference file's rows, ANDed with --where, e.g. \"Churn = 'No'\".",
        HelpName = "sql",
    };

    private static readonly Option<string?> CurrentWhere = new("--current-where")
    {
        Description = "SQL predicate selecting the current file's rows, ANDed with --where, e.g. \"Churn = 'Yes'\"; with the same file as --reference, compares two parts of it.",
        HelpName = "sql",
    };

    private static readonly Option<string?> Method = new("--method")
    {
        Description = "The method that decides every column it fits: ks, wasserstein (numbers), chisquare (categories), psi, jensenshannon (both). "
            + "Default: ks or chisquare for up to 1,000 reference values, wasserstein or jensenshannon above.",
        HelpName = "ks|chisquare|psi|wasserstein|jensenshannon",
    };

    private static readonly Option<int> Bins = new("--bins")
    {
        Description = "Bins for PSI and Jensen–Shannon on numeric columns, cut at the reference's quantiles.",
        DefaultValueFactory = _ => 10,
        HelpName = "n",
    };

    private static readonly Option<double> DriftShare = new("--drift-share")
    {
        Description = "The data set drifted when at least this share of the compared columns drifted.",
        DefaultValueFactory = _ => 0.5,
        HelpName = "share",
    };

    private static readonly Option<bool> FailOnDrift = new("--fail-on-drift")
    {
        Description = "Exit 2 when the data set drifted (for pipelines that must stop).",
    };

    static AuditDriftCommand()
    {
        Method.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } name && !DriftMethods.TryParse(name, out _))
                r.AddError($"--method: '{name}' is not one of {string.Join(", ", DriftMethods.All.Select(m => m.Name))}.");
        });
        Bins.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 2 or > 1000)
                r.AddError("--bins must be between 2 and 1000.");
        });
        DriftShare.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and <= 1))
                r.AddError("--drift-share must be greater than 0 and at most 1, e.g. 0.5.");
        });
    }

    public static Command Create()
    {
        var command = new Command("drift", "Drift audit between a reference and a current file: KS, chi-square, PSI, Wasserstein and Jensen–Shannon per column, and a data-set verdict.")
        {
            Reference, Current, Columns, Categorical, Numeric, CliOptions.Where, ReferenceWhere, CurrentWhere, Method, CliOptions.DriftThreshold, Bins, DriftShare, FailOnDrift,
            CliOptions.Output, CliOptions.Report,
        };
        command.SetAction((parse, _) => CliAction.RunAsync(() => Task.FromResult(Run(parse))));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var report = FileAudit.Run(parse, () => Audit(parse), r => r.ToJson(), PrintTables, DriftReportDocument.Build);
        if (report.DatasetDrift && parse.GetValue(FailOnDrift))
        {
            Console.Error.WriteLine($"steward: data set drift: {report.DriftedColumns} of {report.Columns.Count} columns drifted");
            return ExitCodes.Refused;
        }
        return ExitCodes.Ok;
    }

    private static DriftReport Audit(ParseResult parse)
    {
        DriftMethod? method = parse.GetValue(Method) is { } name && DriftMethods.TryParse(name, out var parsed) ? parsed : null;
        var threshold = parse.GetValue(CliOptions.DriftThreshold);
        if (threshold is not null && method is null)
            throw new CliException("--threshold needs --method: name the method whose threshold it is");

        var options = new DriftFileOptions
        {
            Columns = parse.GetValue(Columns) is { Length: > 0 } columns ? FileAudit.SplitList(columns) : null,
            Categorical = FileAudit.SplitList(parse.GetValue(Categorical) ?? []),
            Numeric = FileAudit.SplitList(parse.GetValue(Numeric) ?? []),
            Drift = new DriftOptions
            {
                Method = method,
                Threshold = threshold,
                Bins = parse.GetValue(Bins),
                DriftShare = parse.GetValue(DriftShare),
            },
        };
        var referencePath = parse.GetRequiredValue(Reference);
        var currentPath = parse.GetRequiredValue(Current);
        var where = parse.GetValue(CliOptions.Where);
        return FileAudit.WithProgress($"Comparing {Path.GetFileName(currentPath)} with {Path.GetFileName(referencePath)}…", _ =>
        {
            using var reference = Open(referencePath, where, parse.GetValue(ReferenceWhere), ReferenceWhere.Name);
            using var current = Open(currentPath, where, parse.GetValue(CurrentWhere), CurrentWhere.Name);
            return DriftFiles.Run(reference, current, options);
        });
    }

    /// <summary>
    /// Opens a file with <c>--where</c> and its own side's filter, both applying (AND). When that
    /// fails, the error names the option at fault: the file is opened again with each filter alone.
    /// </summary>
    private static DataFile Open(string path, string? where, string? sideWhere, string sideOption)
    {
        where = string.IsNullOrWhiteSpace(where) ? null : where;
        sideWhere = string.IsNullOrWhiteSpace(sideWhere) ? null : sideWhere;
        var filter = where is null ? sideWhere : sideWhere is null ? where : $"({where}) AND ({sideWhere})";
        try
        {
            return DataFile.Open(path, filter);
        }
        catch (DataFileException) when (filter is not null)
        {
            if (OpenError(path, null) is { } fileError)
                throw new CliException(fileError);
            foreach (var (option, single) in new[] { (CliOptions.Where.Name, where), (sideOption, sideWhere) })
            {
                if (single is not null && OpenError(path, single) is { } filterError)
                    throw new CliException($"{option}: {filterError}");
            }
            throw; // each filter reads the file alone, but not the two together
        }
    }

    private static string? OpenError(string path, string? where)
    {
        try
        {
            using var _ = DataFile.Open(path, where);
            return null;
        }
        catch (DataFileException e)
        {
            return e.Message;
        }
    }

    private static void PrintTables(DriftReport report)
    {
        var table = Printer.Table("Column", "Type", "Method", "Score", "Threshold", "Test", "p-value", "PSI", "Wasserstein (normed)", "Jensen–Shannon", "Drift");
        foreach (var c in report.Columns)
        {
            table.Row(c.Column, c.Type == DriftColumnType.Numeric ? "numeric" : "categorical", c.Method.Name(),
                Number(c.Score), Number(c.Threshold),
                c.Test == DriftMethod.KolmogorovSmirnov ? $"D = {Number(c.Statistic)}" : $"χ² = {Number(c.Statistic, "∞")}",
                Number(c.PValue), Number(c.Psi), Number(c.WassersteinNormed), Number(c.JensenShannon), c.Drifted ? "DRIFT" : "");
        }
        foreach (var i in new[] { 3, 4, 6, 7, 8, 9 })
            table.Columns[i].RightAligned();
        Printer.Write(table);

        foreach (var s in report.Skipped)
            Printer.Line($"Not compared: {s.Column} — {s.Reason}");
        var compared = report.Columns.Count;
        var share = (report.DriftedShare ?? 0).ToString("P1", CultureInfo.InvariantCulture);
        var threshold = report.DriftShareThreshold.ToString("P0", CultureInfo.InvariantCulture);
        Printer.Line(compared == 0
            ? "No column could be compared."
            : report.DatasetDrift
                ? $"Data set DRIFT: {report.DriftedColumns} of {compared} columns drifted ({share}), at or above {threshold}."
                : $"No data set drift: {report.DriftedColumns} of {compared} columns drifted ({share}), below {threshold}.");
    }

    private static string Number(double? value, string undefined = "n/a") => DriftReportDocument.Number(value, undefined);
}
