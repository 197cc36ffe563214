using System.CommandLine;
using Spectre.Console;
using Steward.Analytics.Files;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Reports.Documents;

namespace Steward.Cli.Commands;

/// <summary>
/// What the audits of data files (<c>audit fairness</c>, <c>audit drift</c>, <c>evaluate</c>) share: bad
/// input as one line and exit 1, the report as tables or JSON on stdout, the <c>--report</c> file, and a
/// spinner on stderr while someone watches.
/// </summary>
internal static class FileAudit
{
    /// <summary>
    /// Checks <c>--report</c>, runs <paramref name="audit"/> (a <see cref="DataFileException"/> or
    /// <see cref="ArgumentException"/> is bad input), prints the report and writes the report file.
    /// </summary>
    public static TReport Run<TReport>(ParseResult parse, Func<TReport> audit, Func<TReport, string> json,
        Action<TReport> tables, Func<TReport, ReportDocument> document)
    {
        var reportPath = parse.GetValue(CliOptions.Report);
        if (reportPath is not null && ReportFormats.FromPath(reportPath) is null)
            throw new CliException($"--report: '{reportPath}' must end in .html, .htm, .md or .markdown");

        TReport report;
        try
        {
            report = audit();
        }
        catch (Exception e) when (e is DataFileException or ArgumentException)
        {
            throw new CliException(e.Message);
        }

        if (parse.GetValue(CliOptions.Output) == OutputFormat.Json)
            Console.Out.WriteLine(json(report));
        else
            tables(report);

        if (reportPath is not null)
        {
            ReportFiles.Write(reportPath, document(report));
            Console.Error.WriteLine($"report written to {reportPath}");
        }
        return report;
    }

    /// <summary>Runs <paramref name="work"/> with a spinner on stderr showing the status it reports, when someone is watching.</summary>
    public static T WithProgress<T>(string status, Func<Action<string>, T> work)
    {
        if (Console.IsErrorRedirected)
            return work(_ => { });
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Status().Start(Markup.Escape(status), context => work(text => context.Status(Markup.Escape(text))));
    }

    /// <summary>Comma-separated values of a repeatable option, as one list.</summary>
    public static string[] SplitList(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
}
