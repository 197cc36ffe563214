using System.CommandLine;
using System.Globalization;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using Steward.Governance;
using Steward.Governance.Configuration;
using CoreScorecards = Steward.Governance.Scorecards;
using O = Steward.Cli.Commands.Governance.GovernanceOptions;

namespace Steward.Cli.Commands.Governance;

/// <summary><c>steward governance score</c>, <c>scorecard file|list</c> and <c>scorecard-config show|set|history</c>.</summary>
internal static class ScorecardVerbs
{
    public static Command Score()
    {
        var score = new Command("score", "Compute a risk score and tier without storing anything: with the server's configuration, the shipped default (--local) or a file (--config).")
        {
            O.BusinessImpact, O.DataQuality, O.BiasRisk, O.DeploymentFrequency, O.Factor, O.Config, O.Local,
        };
        score.SetClientAction(ScoreAsync);
        return score;
    }

    public static Command Scorecard()
    {
        var file = new Command("file", "File a scorecard for a model version; bias risk comes from its newest fairness audit when there is one.")
        {
            O.Name, O.Version, O.BusinessImpact, O.DataQuality, O.BiasRisk, O.DeploymentFrequency, O.Factor,
        };
        file.SetClientAction(FileAsync);

        var list = new Command("list", "List a model version's scorecards, newest first, with where each factor came from.") { O.Name, O.Version };
        list.SetClientAction(ListAsync);

        return new Command("scorecard", "Risk scorecards filed for model versions.") { file, list };
    }

    public static Command ScorecardConfig()
    {
        var show = new Command("show", "Print the scorecard configuration's YAML in force (or --version N), exactly as stored, to edit and set back; its version and SHA-256 go to standard error.") { O.ConfigVersion };
        show.SetClientAction(ShowConfigAsync);

        var set = new Command("set", "Store a new version of the scorecard configuration from a YAML file; a malformed file changes nothing.") { O.File };
        set.SetClientAction(SetConfigAsync);

        var history = new Command("history", "List every version of the scorecard configuration with its SHA-256.");
        history.SetClientAction(HistoryAsync);

        return new Command("scorecard-config", "The scorecard formula and tier thresholds: versioned configuration, each change in the ledger.") { show, set, history };
    }

    private static Dictionary<string, string> Factors(ParseResult parse)
    {
        var factors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (value is null) return;
            if (!factors.TryAdd(key, value)) throw new CliException($"factor '{key}' is given twice");
        }

        Add("business_impact", parse.GetValue(O.BusinessImpact));
        Add("data_quality", parse.GetValue(O.DataQuality));
        Add("bias_risk", parse.GetValue(O.BiasRisk));
        Add("deployment_frequency", parse.GetValue(O.DeploymentFrequency));
        foreach (var (key, value) in KeyValues.Parse(parse.GetValue(O.Factor), "--factor")) Add(key.Replace('-', '_').ToLowerInvariant(), value);
        return factors;
    }

    private static async Task<int> ScoreAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var factors = Factors(parse);
        var configFile = parse.GetValue(O.Config);
        if (configFile is not null && parse.GetValue(O.Local)) throw new CliException("--config and --local cannot be used together");
        ScoreResult result;
        if (configFile is not null || parse.GetValue(O.Local))
        {
            var document = configFile is null
                ? CoreScorecards.ScorecardConfigService.Shipped.Document
                : new VersionedDocument(DocumentKinds.ScorecardConfig, Path.GetFileName(configFile), 0, KeyValues.ReadFile(configFile, "scorecard configuration"), "", "", null);
            var config = CoreScorecards.ScorecardConfigParser.Parse(document.Content);
            var local = CoreScorecards.ScoreCalculator.Score(config, factors);
            result = new ScoreResult(local.Score, RiskTiers.Name(local.Tier), RiskTiers.Name(local.TierFromScore), local.RaisedBy,
                local.Factors.Select(f => new FactorScore(f.Key, f.Value, f.Points, f.MinimumTier is { } t ? RiskTiers.Name(t) : null)).ToList(),
                document.Version, VersionedDocument.HashOf(document.Content));
        }
        else
        {
            result = await client.ScoreAsync(factors, cancellationToken);
        }

        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(result));
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Factor", "Answer", "Points", "Minimum tier");
        foreach (var f in result.Factors) table.Row(f.Key, f.Value, Number(f.Points), f.MinimumTier);
        Printer.Write(table);
        Printer.Line($"Risk score {Number(result.Score)}, tier {result.Tier}" +
            (result.RaisedBy.Count > 0 ? $" (score alone: {result.TierFromScore}; raised by {string.Join(", ", result.RaisedBy)})" : ""));
        return ExitCodes.Ok;
    }

    private static async Task<int> FileAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var filed = await client.FileScorecardAsync(parse.GetRequiredValue(O.Name), parse.GetValue(O.Version), Factors(parse), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(filed));
            return ExitCodes.Ok;
        }

        PrintScorecard(filed);
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var page = await client.ListScorecardsAsync(parse.GetRequiredValue(O.Name), parse.GetValue(O.Version), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(page));
            return ExitCodes.Ok;
        }

        if (page.Items.Count == 0) Printer.Line("No scorecard filed for this version.");
        foreach (var card in page.Items) PrintScorecard(card);
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowConfigAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var config = await client.GetScorecardConfigAsync(parse.GetValue(O.ConfigVersion), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(config));
            return ExitCodes.Ok;
        }

        await StoredText.WriteAsync($"Scorecard configuration '{config.Name}'", config.Version, config.Sha256, config.CreatedBy, config.Content);
        return ExitCodes.Ok;
    }

    private static async Task<int> SetConfigAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var path = parse.GetRequiredValue(O.File);
        var stored = await client.SetScorecardConfigAsync(KeyValues.ReadFile(path, "scorecard configuration"), cancellationToken);
        if (output == OutputFormat.Json)
            Console.Out.WriteLine(GovernanceJson.Serialize(stored));
        else
            Printer.Line($"Scorecard configuration version {stored.Version} stored (sha256 {stored.Sha256}).");
        return ExitCodes.Ok;
    }

    private static async Task<int> HistoryAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var page = await client.ListScorecardConfigVersionsAsync(cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(page));
            return ExitCodes.Ok;
        }

        var table = Printer.Table("Version", "SHA-256", "Stored by", "Stored");
        foreach (var v in page.Items) table.Row(v.Version.ToString(CultureInfo.InvariantCulture), v.Sha256, v.CreatedBy, v.CreatedTimestamp is { } t ? Printer.Time(t) : "shipped");
        Printer.Write(table);
        return ExitCodes.Ok;
    }

    private static void PrintScorecard(Scorecard card)
    {
        Printer.Line($"Scorecard {card.Id} of {card.Name} v{card.Version}: score {Number(card.Score)}, tier {card.Tier}, configuration v{card.ConfigVersion}, filed by {card.FiledBy} {Printer.Time(card.FiledTimestamp)}");
        var table = Printer.Table("Factor", "Answer", "Points", "Source", "Entered by");
        foreach (var f in card.Factors)
            table.Row(f.Key, f.Value, Number(f.Points), f.EvidenceAuditId is { } id ? $"{f.Source} (audit {id})" : f.Source, f.EnteredBy);
        Printer.Write(table);
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
