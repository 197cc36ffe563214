using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary><c>steward runs search|show</c>.</summary>
internal static class RunsCommand
{
    private static readonly Argument<string> RunId = new("run-id") { Description = "The run's id, or a unique prefix of it (at least 4 characters)." };

    /// <summary>How many metrics a search table shows per run before eliding the rest.</summary>
    private const int MetricsInSearchTable = 4;

    public static Command Create()
    {
        var search = new Command("search", "Search runs by experiment, filter and order.")
        {
            CliOptions.Experiment, CliOptions.Filter, CliOptions.OrderBy, CliOptions.MaxResults, CliOptions.PageToken, CliOptions.Quiet,
        };
        search.SetClientAction(SearchAsync);

        var show = new Command("show", "Show one run: attributes, metrics, params and tags.") { RunId };
        show.SetClientAction(ShowAsync);

        return new Command("runs", "Runs: executions of training or evaluation code.") { search, show };
    }

    private static async Task<int> SearchAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var experimentIds = new List<string>();
        foreach (var reference in parse.GetValue(CliOptions.Experiment) ?? [])
        {
            experimentIds.Add((await ExperimentRefs.ResolveAsync(client, reference, cancellationToken)).ExperimentId);
        }

        if (experimentIds.Count == 0)
        {
            await foreach (var experiment in client.SearchAllExperimentsAsync(cancellationToken: cancellationToken))
            {
                experimentIds.Add(experiment.ExperimentId);
            }
        }

        var search = new RunSearch(experimentIds)
        {
            Filter = parse.GetValue(CliOptions.Filter),
            OrderBy = parse.GetValue(CliOptions.OrderBy),
            MaxResults = parse.GetValue(CliOptions.MaxResults),
        };
        var page = experimentIds.Count == 0 ? new Page<Run>([], null) : await client.SearchRunsAsync(search, parse.GetValue(CliOptions.PageToken), cancellationToken);
        if (parse.GetValue(CliOptions.Quiet))
        {
            // Ids alone, one a line, for $(steward runs search ... -q); no "more results" hint to parse around.
            foreach (var run in page.Items) Console.Out.WriteLine(run.RunId);
            return ExitCodes.Ok;
        }

        if (output == OutputFormat.Json)
        {
            Printer.Json(page);
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Run ID", "Name", "Experiment", "Status", "Started", "Metrics");
        foreach (var run in page.Items)
        {
            var metrics = run.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={Printer.Number(m.Value)}").ToList();
            var shown = string.Join(", ", metrics.Take(MetricsInSearchTable)) + (metrics.Count > MetricsInSearchTable ? ", …" : "");
            table.Row(run.RunId, run.RunName, run.ExperimentId, run.Status.ToString().ToUpperInvariant(), Printer.Time(run.StartTime), shown);
        }

        Printer.Write(table);
        Printer.MoreResults(page.NextPageToken);
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var runId = await RunRefs.ResolveAsync(client, parse.GetRequiredValue(RunId), cancellationToken);
        var run = await client.GetRunAsync(runId, cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(run);
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details($"Run {run.RunName}", [
            ("ID", run.RunId),
            ("Name", run.RunName),
            ("Experiment", run.ExperimentId),
            ("Status", run.Status.ToString().ToUpperInvariant()),
            ("Lifecycle", run.LifecycleStage.ToString().ToLowerInvariant()),
            ("User", run.UserId),
            ("Started", Printer.Time(run.StartTime)),
            ("Ended", Printer.Time(run.EndTime)),
            ("Artifacts", run.ArtifactUri),
        ]));

        if (run.Metrics.Count > 0)
        {
            var metrics = Printer.Table("Metric", "Value", "Step", "Time");
            foreach (var m in run.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                metrics.Row(m.Key, Printer.Number(m.Value), m.Step.ToString(System.Globalization.CultureInfo.InvariantCulture), Printer.Time(m.Timestamp));
            }

            Printer.Write(metrics);
        }

        WriteMap("Param", run.Params);
        WriteMap("Tag", run.Tags);
        return ExitCodes.Ok;
    }

    private static void WriteMap(string kind, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0) return;
        var table = Printer.Table(kind, "Value");
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal)) table.Row(key, value);
        Printer.Write(table);
    }
}
