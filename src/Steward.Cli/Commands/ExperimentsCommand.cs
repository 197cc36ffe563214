using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary><c>steward experiments list|create|show</c>.</summary>
internal static class ExperimentsCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "The new experiment's name." };
    private static readonly Argument<string> IdOrName = new("id-or-name") { Description = "The experiment's id or name." };

    public static Command Create()
    {
        var list = new Command("list", "List active experiments.") { CliOptions.Filter, CliOptions.OrderBy, CliOptions.MaxResults, CliOptions.PageToken };
        list.SetClientAction(ListAsync);

        var create = new Command("create", "Create an experiment and print its id.") { Name, CliOptions.Domain };
        create.SetClientAction(CreateAsync);

        var show = new Command("show", "Show one experiment and its tags.") { IdOrName };
        show.SetClientAction(ShowAsync);

        return new Command("experiments", "Experiments: named groups of runs.") { list, create, show };
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var search = new ExperimentSearch
        {
            Filter = parse.GetValue(CliOptions.Filter),
            OrderBy = parse.GetValue(CliOptions.OrderBy),
            MaxResults = parse.GetValue(CliOptions.MaxResults),
        };
        var page = await client.SearchExperimentsAsync(search, parse.GetValue(CliOptions.PageToken), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(page);
            return ExitCodes.Ok;
        }

        var table = Printer.Table("ID", "Name", "Created", "Last update", "Tags");
        foreach (var e in page.Items)
        {
            table.Row(e.ExperimentId, e.Name, Printer.Time(e.CreationTime), Printer.Time(e.LastUpdateTime), Printer.Map(e.Tags));
        }

        Printer.Write(table);
        Printer.MoreResults(page.NextPageToken);
        return ExitCodes.Ok;
    }

    private static async Task<int> CreateAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var experiment = await client.CreateExperimentAsync(parse.GetRequiredValue(Name), domain: parse.GetValue(CliOptions.Domain), cancellationToken: cancellationToken);
        if (output == OutputFormat.Json) Printer.Json(experiment);
        else Printer.Line($"Created experiment '{experiment.Name}' with id {experiment.ExperimentId} in domain {experiment.Domain}");
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var e = await ExperimentRefs.ResolveAsync(client, parse.GetRequiredValue(IdOrName), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(e);
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details($"Experiment {e.Name}", [
            ("ID", e.ExperimentId),
            ("Name", e.Name),
            ("Lifecycle", e.LifecycleStage.ToString().ToLowerInvariant()),
            ("Domain", e.Domain),
            ("Artifacts", e.ArtifactLocation),
            ("Created", Printer.Time(e.CreationTime)),
            ("Last update", Printer.Time(e.LastUpdateTime)),
            .. e.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => ($"tag {t.Key}", (string?)t.Value)),
        ]));
        return ExitCodes.Ok;
    }
}
