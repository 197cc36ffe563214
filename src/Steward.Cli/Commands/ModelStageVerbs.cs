using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;

namespace Steward.Cli.Commands;

/// <summary>
/// <c>steward models stage|alias</c>: the registry changes the lifecycle gates decide. A change a
/// gate refuses exits 2 with every unmet gate on stderr.
/// </summary>
internal static class ModelStageVerbs
{
    private static readonly Argument<string> Name = new("name") { Description = "The registered model's name." };
    private static readonly Argument<int> Version = new("version") { Description = "The model version number." };
    private static readonly Argument<string> Stage = new("stage") { Description = "None, Staging, Production or Archived." };
    private static readonly Argument<string> Alias = new("alias") { Description = "The alias, e.g. champion." };
    private static readonly Option<bool> ArchiveExisting = new("--archive-existing") { Description = "Archive the versions already in the target stage (Staging or Production only)." };

    public static Command StageCommand()
    {
        var stage = new Command("stage", "Move a version to a stage; Staging and Production pass the lifecycle gates of a governed model.") { Name, Version, Stage, ArchiveExisting };
        stage.SetClientAction(StageAsync);
        return stage;
    }

    public static Command AliasCommand()
    {
        var alias = new Command("alias", "Point an alias at a version; protected aliases (champion, production) pass the Production gate.") { Name, Alias, Version };
        alias.SetClientAction(AliasAsync);
        return alias;
    }

    private static async Task<int> StageAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var text = parse.GetRequiredValue(Stage);
        if (!Enum.TryParse<ModelStage>(text, ignoreCase: true, out var stage) || !Enum.IsDefined(stage) || int.TryParse(text, out _))
            throw new CliException($"Invalid stage '{text}': expected None, Staging, Production or Archived.");
        var version = await client.TransitionStageAsync(parse.GetRequiredValue(Name), parse.GetRequiredValue(Version), stage, parse.GetValue(ArchiveExisting), cancellationToken);
        if (output == OutputFormat.Json) Printer.Json(version);
        else Printer.Line($"{version.Name} version {version.Version} is in {version.CurrentStage}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> AliasAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var version = await client.SetAliasAsync(parse.GetRequiredValue(Name), parse.GetRequiredValue(Alias), parse.GetRequiredValue(Version), cancellationToken);
        if (output == OutputFormat.Json) Printer.Json(version);
        else Printer.Line($"{version.Name}@{parse.GetRequiredValue(Alias)} is version {version.Version}.");
        return ExitCodes.Ok;
    }
}
