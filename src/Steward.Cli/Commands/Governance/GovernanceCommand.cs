using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using O = Steward.Cli.Commands.Governance.GovernanceOptions;

namespace Steward.Cli.Commands.Governance;

/// <summary>
/// <c>steward governance ...</c>: the model risk registry (show, set, list, reviews, review),
/// scorecards, compliance checklists and redundancy. Client verbs: they talk to a server, except
/// <c>score --local</c> and <c>score --config FILE</c>, which compute on the spot.
/// </summary>
internal static class GovernanceCommand
{
    public static Command Create()
    {
        var show = new Command("show", "Show a model's governance record: owner, domain (the model's), purpose, risk tier, review schedule, warnings.") { O.Name };
        show.SetClientAction(ShowAsync);

        var set = new Command("set", "Create or change a model's governance record (a new one needs --owner); options left out keep their value.")
        {
            O.Name, O.Owner, O.Domain, O.Purpose, O.IntendedUse, O.Affected, O.Target, O.Status, O.Checklist,
        };
        set.SetClientAction(SetAsync);

        var list = new Command("list", "List the risk registry.")
        {
            O.Domain, O.Owner, O.Status, O.Tier, O.Overdue, CliOptions.MaxResults, CliOptions.PageToken,
        };
        list.SetClientAction(ListAsync);

        var reviews = new Command("reviews", "The review schedule, soonest due first (cadence by risk tier).") { O.Overdue };
        reviews.SetClientAction(ReviewsAsync);

        var review = new Command("review", "Record a periodic review of a model by you.") { O.Name, O.Outcome, O.Notes };
        review.SetClientAction(ReviewAsync);

        var redundancy = new Command("redundancy", "Models in different domains predicting the same target from overlapping features or data sets: candidates to merge.") { O.Threshold };
        redundancy.SetClientAction(RedundancyAsync);

        return new Command("governance", "Model risk management: the risk registry, scorecards, compliance checklists, reviews, redundancy, and the lifecycle (steps, waivers, gates, policy).")
        {
            show, set, list, reviews, review,
            ScorecardVerbs.Score(), ScorecardVerbs.Scorecard(), ScorecardVerbs.ScorecardConfig(),
            ChecklistVerbs.Checklists(), ChecklistVerbs.Compliance(), ChecklistVerbs.Answer(),
            redundancy,
            LifecycleVerbs.Steps(), LifecycleVerbs.Waive(), LifecycleVerbs.Attest(), LifecycleVerbs.Gates(), LifecycleVerbs.Policy(),
        };
    }

    private static async Task<int> ShowAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var record = await client.GetGovernanceRecordAsync(parse.GetRequiredValue(O.Name), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(record));
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details($"Governance record of {record.Name}", [
            ("Owner", record.Owner),
            ("Domain", record.Domain),
            ("Status", record.Status),
            ("Purpose", record.Purpose),
            ("Intended use", record.IntendedUse),
            ("Who is affected", record.AffectedParties),
            ("Predicts", record.Target),
            ("Checklists", string.Join(", ", record.Checklists)),
            ("Risk", Risk(record)),
            ("Last review", record.LastReview is { } r ? $"{Printer.Time(r.ReviewedTimestamp)} by {r.Reviewer}: {r.Outcome}" : "never"),
            ("Next review due", Due(record)),
            ("Updated", $"{Printer.Time(record.UpdatedTimestamp)} by {record.UpdatedBy}"),
        ]));
        foreach (var warning in record.Warnings) Printer.Line($"Warning: {warning}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> SetAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var checklists = parse.GetValue(O.Checklist);
        var changes = new SetGovernanceRecordRequest(
            parse.GetValue(O.Owner), parse.GetValue(O.Domain), parse.GetValue(O.Purpose), parse.GetValue(O.IntendedUse),
            parse.GetValue(O.Affected), parse.GetValue(O.Target), parse.GetValue(O.Status), checklists is { Length: > 0 } ? checklists : null);
        var record = await client.SetGovernanceRecordAsync(parse.GetRequiredValue(O.Name), changes, cancellationToken);
        if (output == OutputFormat.Json)
            Console.Out.WriteLine(GovernanceJson.Serialize(record));
        else
            Printer.Line($"Governance record of '{record.Name}' saved (owner {record.Owner}, domain {record.Domain}, status {record.Status}).");
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var search = new GovernanceRecordSearch
        {
            Domain = parse.GetValue(O.Domain),
            Owner = parse.GetValue(O.Owner),
            Status = parse.GetValue(O.Status),
            Tier = parse.GetValue(O.Tier),
            OverdueOnly = parse.GetValue(O.Overdue),
            MaxResults = parse.GetValue(CliOptions.MaxResults),
        };
        var page = await client.ListGovernanceRecordsAsync(search, parse.GetValue(CliOptions.PageToken), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(page));
            return ExitCodes.Ok;
        }

        PrintRecords(page.Items);
        Printer.MoreResults(page.NextPageToken);
        return ExitCodes.Ok;
    }

    private static async Task<int> ReviewsAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var page = await client.ListReviewScheduleAsync(parse.GetValue(O.Overdue), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(page));
            return ExitCodes.Ok;
        }

        PrintRecords(page.Items);
        return ExitCodes.Ok;
    }

    private static async Task<int> ReviewAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var review = await client.RecordReviewAsync(parse.GetRequiredValue(O.Name), parse.GetRequiredValue(O.Outcome), parse.GetValue(O.Notes), cancellationToken);
        if (output == OutputFormat.Json)
            Console.Out.WriteLine(GovernanceJson.Serialize(review));
        else
            Printer.Line($"Review of '{review.Name}' recorded: {review.Outcome}, by {review.Reviewer}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> RedundancyAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var report = await client.FindRedundancyAsync(parse.GetValue(O.Threshold), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(report));
            return ExitCodes.Ok;
        }

        if (report.Groups.Count == 0)
        {
            Printer.Line($"No redundant models at overlap threshold {report.Threshold.ToString(CultureInfo.InvariantCulture)}.");
            return ExitCodes.Ok;
        }

        foreach (var group in report.Groups)
        {
            Printer.Line($"Target '{group.Target}': {group.Models.Count} models across {group.Domains.Count} domains ({string.Join(", ", group.Domains)}) — candidates to merge.");
            var table = Printer.Table("Model", "Other model", "Feature overlap", "Data set overlap", "Shared");
            foreach (var pair in group.Pairs)
            {
                table.Row(pair.First, pair.Second, Overlap(pair.FeatureOverlap), Overlap(pair.DatasetOverlap),
                    string.Join(", ", pair.SharedFeatures.Concat(pair.SharedDatasets)));
            }

            Printer.Write(table);
        }

        return ExitCodes.Ok;
    }

    private static void PrintRecords(IEnumerable<GovernanceRecord> records)
    {
        var table = Printer.Table("Model", "Owner", "Domain", "Status", "Risk", "Last review", "Next review due");
        foreach (var r in records)
        {
            var status = r.Warnings.Count > 0 ? $"{r.Status} (!)" : r.Status;
            table.Row(r.Name, r.Owner, r.Domain, status, Risk(r), r.LastReview is { } last ? Printer.Time(last.ReviewedTimestamp) : "never", Due(r));
        }
        Printer.Write(table);
    }

    private static string Risk(GovernanceRecord r) => r.Risk is { } risk
        ? $"{risk.Tier} (score {risk.Score.ToString(CultureInfo.InvariantCulture)}, v{risk.Version})"
        : $"{r.Tier} (unscored)";

    private static string Due(GovernanceRecord r) => r.Schedule.NextReviewDue is { } due
        ? $"{Printer.Time(due)}{(r.Schedule.Overdue ? " OVERDUE" : "")} (every {r.Schedule.ReviewEveryMonths} months, {r.Schedule.CadenceTier} tier)"
        : "not scheduled (retired)";

    private static string Overlap(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
