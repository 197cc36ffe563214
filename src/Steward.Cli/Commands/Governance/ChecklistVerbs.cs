using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using O = Steward.Cli.Commands.Governance.GovernanceOptions;

namespace Steward.Cli.Commands.Governance;

/// <summary><c>steward governance checklists list|show|add</c>, <c>compliance</c> and <c>answer</c>.</summary>
internal static class ChecklistVerbs
{
    public static Command Checklists()
    {
        var list = new Command("list", "List the compliance checklist templates (GDPR, CCPA, SOX and any added).");
        list.SetClientAction(ListAsync);

        var show = new Command("show", "Show a checklist template's items.") { O.ChecklistName };
        show.SetClientAction(ShowAsync);

        var add = new Command("add", "Add a checklist template from a YAML file (e.g. the EU AI Act), or a new version of one with the same name.") { O.File };
        add.SetClientAction(AddAsync);

        return new Command("checklists", "Compliance checklist templates.") { list, show, add };
    }

    public static Command Compliance()
    {
        var compliance = new Command("compliance", "Show a model version's checklist completion and audit score (items met / items required).") { O.Name, O.Version };
        compliance.SetClientAction(ComplianceAsync);
        return compliance;
    }

    public static Command Answer()
    {
        var answer = new Command("answer", "Answer a checklist item for a model version, with evidence links.")
        {
            O.Name, O.Version, O.ChecklistName, O.Item, O.AnswerStatus, O.Evidence, O.Note,
        };
        answer.SetClientAction(AnswerAsync);
        return answer;
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var page = await client.ListChecklistsAsync(cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(page));
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Checklist", "Title", "Version", "Items", "Required");
        foreach (var t in page.Items)
            table.Row(t.Name, t.Title, t.Version.ToString(CultureInfo.InvariantCulture), t.Items.Count.ToString(CultureInfo.InvariantCulture), t.Items.Count(i => i.Required).ToString(CultureInfo.InvariantCulture));
        Printer.Write(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var template = await client.GetChecklistAsync(parse.GetRequiredValue(O.ChecklistName), null, cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(template));
            return ExitCodes.Ok;
        }

        Printer.Line($"{template.Title} ({template.Name}, version {template.Version}): {template.Description}");
        var table = Printer.Table("Item", "Required", "Evidence", "Text");
        foreach (var i in template.Items) table.Row(i.Id, i.Required ? "yes" : "no", i.EvidenceRequired ? "required" : "optional", i.Text);
        Printer.Write(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> AddAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var path = parse.GetRequiredValue(O.File);
        var added = await client.AddChecklistAsync(KeyValues.ReadFile(path, "checklist template"), cancellationToken);
        if (output == OutputFormat.Json)
            Console.Out.WriteLine(GovernanceJson.Serialize(added));
        else
            Printer.Line($"Checklist '{added.Name}' version {added.Version} stored with {added.Items.Count} items.");
        return ExitCodes.Ok;
    }

    private static async Task<int> ComplianceAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var status = await client.GetComplianceAsync(parse.GetRequiredValue(O.Name), parse.GetValue(O.Version), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(status));
            return ExitCodes.Ok;
        }

        if (status.Checklists.Count == 0)
        {
            Printer.Line($"No checklist applies to {status.Name} (list them with: steward governance set {status.Name} --checklist gdpr ...).");
            return ExitCodes.Ok;
        }

        Printer.Line($"{status.Name} v{status.Version}: {status.Met} of {status.Required} required items met, audit score {Percent(status.AuditScore ?? 0)}.");
        var table = Printer.Table("Checklist", "Item", "Status", "Evidence", "Answered by");
        foreach (var c in status.Checklists)
        {
            foreach (var i in c.Items)
                table.Row($"{c.Checklist} ({Percent(c.Completion)})", i.Id, i.Counts || i.Status != "unanswered" ? i.Status : "optional", string.Join(", ", i.Evidence.Select(e => $"{e.Kind}:{e.Ref}")), i.AnsweredBy);
        }

        Printer.Write(table);
        return ExitCodes.Ok;
    }

    private static async Task<int> AnswerAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var evidence = new List<EvidenceLink>();
        foreach (var (kind, reference) in KeyValues.Parse(parse.GetValue(O.Evidence), "--evidence"))
            evidence.Add(new EvidenceLink(kind, await FullRunReferenceAsync(client, kind, reference, cancellationToken)));
        var answer = await client.AnswerChecklistItemAsync(
            parse.GetRequiredValue(O.Name), parse.GetValue(O.Version), parse.GetRequiredValue(O.ChecklistName), parse.GetRequiredValue(O.Item),
            parse.GetRequiredValue(O.AnswerStatus), evidence, parse.GetValue(O.Note), cancellationToken);
        if (output == OutputFormat.Json)
            Console.Out.WriteLine(GovernanceJson.Serialize(answer));
        else
            Printer.Line($"{answer.Checklist}/{answer.Item} of {answer.Name} v{answer.Version}: {answer.Status}.");
        return ExitCodes.Ok;
    }

    /// <summary>A run's id in <c>run=</c> and <c>artifact=RUN/path</c> evidence may be a unique prefix, as everywhere on the command line.</summary>
    private static async Task<string> FullRunReferenceAsync(StewardClient client, string kind, string reference, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "run":
                return await RunRefs.ResolveAsync(client, reference, cancellationToken);
            case "artifact" when reference.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash:
                return await RunRefs.ResolveAsync(client, reference[..slash], cancellationToken) + reference[slash..];
            default:
                return reference;
        }
    }

    private static string Percent(double value) => value.ToString("P0", CultureInfo.InvariantCulture);
}
