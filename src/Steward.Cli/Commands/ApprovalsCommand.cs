using System.CommandLine;
using System.Globalization;
using Steward.Cli.Commands.Governance;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using O = Steward.Cli.Commands.Governance.GovernanceOptions;

namespace Steward.Cli.Commands;

/// <summary><c>steward approvals list|approve|reject</c>: the approvals a version's promotion needs, by risk tier.</summary>
internal static class ApprovalsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "Show the approvals a version needs (by its risk tier), who filled them, and every decision (stale ones marked).") { O.Name, O.Version };
        list.SetClientAction(ListAsync);

        var approve = new Command("approve", "Approve a version's promotion on its current evidence (not your own version).") { O.Name, O.Version, LifecycleVerbs.Reason };
        approve.SetClientAction((parse, client, output, token) => DecideAsync(parse, client, output, "approved", token));

        var reject = new Command("reject", "Reject a version's promotion, with a reason.") { O.Name, O.Version, LifecycleVerbs.Reason };
        reject.SetClientAction((parse, client, output, token) => DecideAsync(parse, client, output, "rejected", token));

        return new Command("approvals", "Approvals of model versions: the risk tier decides whose are needed; new evidence needs new approval.") { list, approve, reject };
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var approvals = await client.ListApprovalsAsync(parse.GetRequiredValue(O.Name), Version(parse), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(approvals));
            return ExitCodes.Ok;
        }

        Printer.Line($"{approvals.Tier} risk: {(approvals.Satisfied ? "every required approval is given" : "approvals missing")}.");
        var required = Printer.Table("Required", "Filled by");
        foreach (var r in approvals.Required) required.Row(r.Label, r.Approver is null ? "-" : $"{r.Approver} (approval {r.FilledBy})");
        Printer.Write(required);
        if (approvals.Decisions.Count == 0) return ExitCodes.Ok;
        var decisions = Printer.Table("Id", "Approver", "Decision", "When", "Standing", "Reason");
        foreach (var d in approvals.Decisions)
        {
            var standing = d.Counts ? "counts" : d.Note ?? (d.Decision == "rejected" && !d.Stale && !d.Superseded ? "blocks" : "");
            decisions.Row(d.Id.ToString(CultureInfo.InvariantCulture), d.Approver, d.Decision, Printer.Time(d.DecidedTimestamp), standing, d.Reason);
        }

        Printer.Write(decisions);
        return ExitCodes.Ok;
    }

    private static async Task<int> DecideAsync(ParseResult parse, StewardClient client, OutputFormat output, string decision, CancellationToken cancellationToken)
    {
        var result = await client.DecideAsync(parse.GetRequiredValue(O.Name), Version(parse), decision, parse.GetValue(LifecycleVerbs.Reason), cancellationToken);
        if (output == OutputFormat.Json) Console.Out.WriteLine(GovernanceJson.Serialize(result));
        else Printer.Line($"{result.Name} version {result.Version} {result.Decision} by {result.Approver} (decision {result.Id}, evidence {result.EvidenceSha256[..12]}).");
        return ExitCodes.Ok;
    }

    private static string Version(ParseResult parse) => parse.GetRequiredValue(O.Version).ToString(CultureInfo.InvariantCulture);
}
