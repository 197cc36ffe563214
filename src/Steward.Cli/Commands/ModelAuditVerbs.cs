using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using Steward.Contracts.ModelAudits;
using O = Steward.Cli.Commands.ModelAuditOptions;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward models audit NAME VERSION fairness|drift|evaluation</c> and <c>steward models audits
/// NAME VERSION</c>: audits the server runs on files of its data-set folder (<c>steward server
/// --datasets</c>) and keeps as evidence of the version (lifecycle steps, the scorecard's bias risk).
/// </summary>
internal static class ModelAuditVerbs
{
    private static readonly Argument<string> Name = new("name") { Description = "The registered model's name." };
    private static readonly Argument<int> Version = new("version") { Description = "The model version number." };
    private static readonly Argument<string> Kind = new("kind") { Description = "fairness, drift or evaluation." };

    private static readonly Option<string?> KindFilter = new("--kind")
    {
        Description = "Only audits of this kind: fairness, drift or evaluation.",
        HelpName = "kind",
    };

    static ModelAuditVerbs()
    {
        Kind.AcceptOnlyFromAmong(ModelAuditOptions.Kinds);
        KindFilter.AcceptOnlyFromAmong(ModelAuditOptions.Kinds);
    }

    public static Command AuditCommand()
    {
        var audit = new Command("audit", "Run a fairness, drift or evaluation audit of a version on files in the server's data-set folder and keep it as evidence.")
        {
            Name, Version, Kind,
        };
        foreach (var option in O.All) audit.Options.Add(option);
        audit.SetClientAction(RunAsync);
        return audit;
    }

    public static Command AuditsCommand()
    {
        var audits = new Command("audits", "List a version's audits, newest first.") { Name, Version, KindFilter };
        audits.SetClientAction(ListAsync);
        return audits;
    }

    private static async Task<int> RunAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var request = O.Request(parse, parse.GetRequiredValue(Kind));
        var audit = await client.RunModelAuditAsync(parse.GetRequiredValue(Name), parse.GetRequiredValue(Version), request, cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(audit);
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details($"Audit {audit.Id} of {audit.Name} version {audit.Version}", [
            ("ID", audit.Id.ToString(CultureInfo.InvariantCulture)),
            ("Kind", audit.Kind),
            ("Data", audit.Data),
            ("Verdict", audit.Verdict),
            ("Summary", audit.Summary),
            ("Report", new Uri(client.BaseAddress, $"api/v1/model-audits/{audit.Id}/report").AbsoluteUri),
        ]));
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var audits = await client.ListModelAuditsAsync(parse.GetRequiredValue(Name), parse.GetRequiredValue(Version), parse.GetValue(KindFilter), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(new Page<ModelAudit>(audits, null));
            return ExitCodes.Ok;
        }

        var table = Printer.Table("ID", "Kind", "Data", "Verdict", "Summary", "By", "Created");
        foreach (var a in audits)
        {
            table.Row(a.Id.ToString(CultureInfo.InvariantCulture), a.Kind, a.Data, a.Verdict, a.Summary, a.CreatedBy, Printer.Time(a.CreatedTimestamp));
        }

        Printer.Write(table);
        return ExitCodes.Ok;
    }
}
