using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward models list|show</c>; <c>create</c> and <c>versions create</c> (<see cref="ModelVersionVerbs"/>);
/// <c>stage|alias</c> (<see cref="ModelStageVerbs"/>); <c>audit|audits</c> (<see cref="ModelAuditVerbs"/>).
/// </summary>
internal static class ModelsCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "The registered model's name." };

    public static Command Create()
    {
        var list = new Command("list", "List registered models.") { CliOptions.Filter, CliOptions.OrderBy, CliOptions.MaxResults, CliOptions.PageToken };
        list.SetClientAction(ListAsync);

        var show = new Command("show", "Show a registered model with every version, its stage and aliases.") { Name };
        show.SetClientAction(ShowAsync);

        return new Command("models", "The model registry: registered models, versions, stages, aliases and audits.")
        {
            list, show, ModelVersionVerbs.CreateCommand(), ModelVersionVerbs.VersionsCommand(),
            ModelStageVerbs.StageCommand(), ModelStageVerbs.AliasCommand(), ModelAuditVerbs.AuditCommand(), ModelAuditVerbs.AuditsCommand(),
        };
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var search = new RegistrySearch
        {
            Filter = parse.GetValue(CliOptions.Filter),
            OrderBy = parse.GetValue(CliOptions.OrderBy),
            MaxResults = parse.GetValue(CliOptions.MaxResults),
        };
        var page = await client.SearchModelsAsync(search, parse.GetValue(CliOptions.PageToken), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(page);
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Name", "Latest versions", "Aliases", "Last update", "Description");
        foreach (var m in page.Items)
        {
            var latest = string.Join(", ", m.LatestVersions.OrderBy(v => v.Version).Select(v => $"v{v.Version} {v.CurrentStage}"));
            table.Row(m.Name, latest, Aliases(m.Aliases), Printer.Time(m.LastUpdatedTimestamp), m.Description);
        }

        Printer.Write(table);
        Printer.MoreResults(page.NextPageToken);
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var model = await client.GetModelAsync(parse.GetRequiredValue(Name), cancellationToken);
        var versions = new List<ModelVersion>();
        string? token = null;
        do
        {
            var page = await client.ListModelVersionsAsync(model.Name, null, token, cancellationToken);
            versions.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);

        if (output == OutputFormat.Json)
        {
            // The model as the API returns it, plus every version (the API lists only the latest per stage).
            var node = Printer.ToNode(model);
            node["versions"] = new JsonArray(versions.Select(v => (JsonNode?)Printer.ToNode(v)).ToArray());
            Printer.Json(node);
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details($"Model {model.Name}", [
            ("Name", model.Name),
            ("Description", model.Description),
            ("Domain", model.Domain),
            ("Created", Printer.Time(model.CreationTimestamp)),
            ("Last update", Printer.Time(model.LastUpdatedTimestamp)),
            ("Aliases", Aliases(model.Aliases)),
            .. model.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => ($"tag {t.Key}", (string?)t.Value)),
        ]));

        var table = Printer.Table("Version", "Stage", "Aliases", "Run ID", "Source", "Created", "Status");
        foreach (var v in versions.OrderByDescending(v => v.Version))
        {
            table.Row(
                v.Version.ToString(CultureInfo.InvariantCulture),
                v.CurrentStage.ToString(),
                string.Join(", ", v.Aliases.Order(StringComparer.Ordinal)),
                v.RunId,
                v.Source,
                Printer.Time(v.CreationTimestamp),
                v.Status);
        }

        Printer.Write(table);
        return ExitCodes.Ok;
    }

    private static string Aliases(IReadOnlyDictionary<string, int> aliases) =>
        string.Join(", ", aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}→v{a.Value}"));
}
