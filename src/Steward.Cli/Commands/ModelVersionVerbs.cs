using System.CommandLine;
using System.Globalization;
using Steward.Cli.Commands.Governance;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary><c>steward models create</c> and <c>steward models versions create</c>: registering a model and its versions.</summary>
internal static class ModelVersionVerbs
{
    private static readonly Argument<string> Name = new("name") { Description = "The registered model's name." };

    public static Command CreateCommand()
    {
        var create = new Command("create", "Register a model name; its versions come from runs (models versions create).")
        {
            Name, CliOptions.Domain, CliOptions.Description, CliOptions.Tags,
        };
        create.SetClientAction(CreateModelAsync);
        return create;
    }

    public static Command VersionsCommand()
    {
        var create = new Command("create", "Add a version to a model from a run's artifacts (source runs:/<run id>/<path>) and print its number.")
        {
            Name, CliOptions.Run, CliOptions.ArtifactPath, CliOptions.Description,
        };
        create.SetClientAction(CreateVersionAsync);
        return new Command("versions", "A registered model's versions.") { create };
    }

    private static async Task<int> CreateModelAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in KeyValues.Parse(parse.GetValue(CliOptions.Tags), "--tag")) tags[key] = value;
        var model = await client.CreateModelAsync(
            parse.GetRequiredValue(Name), parse.GetValue(CliOptions.Description), tags.Count == 0 ? null : tags, parse.GetValue(CliOptions.Domain), cancellationToken);
        if (output == OutputFormat.Json) Printer.Json(model);
        else Printer.Line($"Created model '{model.Name}' in domain {model.Domain}");
        return ExitCodes.Ok;
    }

    private static async Task<int> CreateVersionAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var path = parse.GetRequiredValue(CliOptions.ArtifactPath).Trim().Trim('/');
        if (path.Length == 0) throw new CliException("--path: expected the model's folder among the run's artifacts, e.g. model");
        var runId = await RunRefs.ResolveAsync(client, parse.GetRequiredValue(CliOptions.Run), cancellationToken);
        var version = await client.CreateModelVersionAsync(
            parse.GetRequiredValue(Name), $"runs:/{runId}/{path}", runId, description: parse.GetValue(CliOptions.Description), cancellationToken: cancellationToken);
        if (output == OutputFormat.Json)
        {
            Printer.Json(version);
            return ExitCodes.Ok;
        }

        Printer.Write(Printer.Details($"Model {version.Name} version {version.Version}", [
            ("Version", version.Version.ToString(CultureInfo.InvariantCulture)),
            ("Source", version.Source),
            ("Run ID", version.RunId),
            ("Stage", version.CurrentStage.ToString()),
            ("Status", version.Status),
        ]));
        return ExitCodes.Ok;
    }
}
