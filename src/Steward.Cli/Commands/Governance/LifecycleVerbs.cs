using System.CommandLine;
using Steward.Cli.Infrastructure;
using Steward.Cli.Output;
using Steward.Client;
using O = Steward.Cli.Commands.Governance.GovernanceOptions;

namespace Steward.Cli.Commands.Governance;

/// <summary><c>steward governance steps|waive|attest|gates|policy</c>: the lifecycle of a model version.</summary>
internal static class LifecycleVerbs
{
    public static readonly Argument<string> Step = new("step") { Description = "The lifecycle step, by key (e.g. model-card) or number (1-9)." };
    public static readonly Option<string?> Reason = new("--reason") { Description = "Why (required for a waiver and a rejection).", HelpName = "text" };
    public static readonly Option<string?> Expires = new("--expires") { Description = "When the waiver stops counting (required): a duration such as 30d or 12h, or an ISO 8601 date or date-time such as 2027-03-31; at most the lifecycle policy's max_waiver_days away.", HelpName = "when" };
    public static readonly Option<string?> Link = new("--link") { Description = "An http(s) URL to the evidence (required).", HelpName = "url" };
    public static readonly Option<string?> Target = new("--target") { Description = "staging or production: exit 2 when that gate would refuse a change.", HelpName = "gate" };

    public static Command Steps()
    {
        var steps = new Command("steps", "Show a model version's nine lifecycle steps: state, owner role, what closed each or what is missing.") { O.Name, O.Version };
        steps.SetClientAction(StepsAsync);
        return steps;
    }

    public static Command Waive()
    {
        var waive = new Command("waive", "Waive a lifecycle step of a version until an expiry (only the step's owner role may).") { O.Name, O.Version, Step, Reason, Expires };
        waive.SetClientAction(WaiveAsync);
        return waive;
    }

    public static Command Attest()
    {
        var attest = new Command("attest", "Attest a step the platform holds no evidence for (business-kpi, feature-pipeline, feedback), with a link (owner role only).")
        {
            O.Name, O.Version, Step, Link, O.Note,
        };
        attest.SetClientAction(AttestAsync);
        return attest;
    }

    public static Command Gates()
    {
        var gates = new Command("gates", "Show whether a version may move to Staging and to Production now (only the --target gate when given), and every unmet gate.") { O.Name, O.Version, Target };
        gates.SetClientAction(GatesAsync);
        return gates;
    }

    public static Command Policy()
    {
        var show = new Command("show", "Print the lifecycle policy's YAML in force (or --version N), exactly as stored, to edit and set back; its version and SHA-256 go to standard error.") { O.ConfigVersion };
        show.SetClientAction(ShowPolicyAsync);
        var set = new Command("set", "Store a new version of the lifecycle policy from a YAML file (a malformed file changes nothing).") { O.File };
        set.SetClientAction(SetPolicyAsync);
        return new Command("policy", "The lifecycle policy (versioned, its changes in the ledger).") { show, set };
    }

    private static async Task<int> StepsAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var lifecycle = await client.GetLifecycleAsync(parse.GetRequiredValue(O.Name), Version(parse), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(lifecycle));
            return ExitCodes.Ok;
        }

        var tierSource = lifecycle.TierSource switch
        {
            "unscored" => "no scorecard filed, so treated as high",
            "model-scorecard" => "from the model's newest scorecard, filed on another version",
            _ => "from the version's scorecard",
        };
        Printer.Line($"{lifecycle.Name} version {lifecycle.Version}: stage {lifecycle.Stage}, {lifecycle.Tier} risk ({tierSource})"
            + (lifecycle.Governed ? "" : "; not governed: the gates do not apply to this model"));
        var table = Printer.Table("#", "Step", "Owner", "State", "Detail");
        foreach (var s in lifecycle.Steps) table.Row(s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Key, s.Owner, s.State, s.Detail);
        Printer.Write(table);
        PrintGate(lifecycle.Gates.Staging);
        PrintGate(lifecycle.Gates.Production);
        return ExitCodes.Ok;
    }

    private static async Task<int> WaiveAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var waiver = await client.WaiveStepAsync(parse.GetRequiredValue(O.Name), Version(parse), parse.GetRequiredValue(Step), parse.GetValue(Reason), parse.GetValue(Expires), cancellationToken);
        if (output == OutputFormat.Json) Console.Out.WriteLine(GovernanceJson.Serialize(waiver));
        else Printer.Line($"Step '{waiver.Step}' of {waiver.Name} version {waiver.Version} waived until {Printer.Time(waiver.ExpiresTimestamp)} (waiver {waiver.Id}).");
        return ExitCodes.Ok;
    }

    private static async Task<int> AttestAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var attestation = await client.AttestStepAsync(parse.GetRequiredValue(O.Name), Version(parse), parse.GetRequiredValue(Step), parse.GetValue(Link) ?? "", parse.GetValue(O.Note), cancellationToken);
        if (output == OutputFormat.Json) Console.Out.WriteLine(GovernanceJson.Serialize(attestation));
        else Printer.Line($"Step '{attestation.Step}' of {attestation.Name} version {attestation.Version} attested by {attestation.AttestedBy}: {attestation.Link}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> GatesAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var target = parse.GetValue(Target)?.Trim().ToLowerInvariant();
        if (target is not (null or "staging" or "production")) throw new CliException($"--target must be staging or production, got '{target}'.");
        var gates = await client.GetGatesAsync(parse.GetRequiredValue(O.Name), Version(parse), cancellationToken);
        var chosen = target switch { "staging" => gates.Staging, "production" => gates.Production, _ => null };
        if (output == OutputFormat.Json) Console.Out.WriteLine(GovernanceJson.Serialize(gates));
        else if (chosen is not null) PrintGate(chosen);
        else
        {
            PrintGate(gates.Staging);
            PrintGate(gates.Production);
        }

        return chosen is { Allows: false } ? ExitCodes.Refused : ExitCodes.Ok;
    }

    private static async Task<int> ShowPolicyAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var policy = await client.GetLifecyclePolicyAsync(parse.GetValue(O.ConfigVersion), cancellationToken);
        if (output == OutputFormat.Json)
        {
            Console.Out.WriteLine(GovernanceJson.Serialize(policy));
            return ExitCodes.Ok;
        }

        await StoredText.WriteAsync($"Lifecycle policy '{policy.Name}'", policy.Version, policy.Sha256, policy.CreatedBy, policy.Content);
        return ExitCodes.Ok;
    }

    private static async Task<int> SetPolicyAsync(ParseResult parse, StewardClient client, OutputFormat output, CancellationToken cancellationToken)
    {
        var path = parse.GetRequiredValue(O.File);
        if (!File.Exists(path)) throw new CliException($"No such file: {path}");
        var version = await client.SetLifecyclePolicyAsync(await File.ReadAllTextAsync(path, cancellationToken), cancellationToken);
        Printer.Line($"Lifecycle policy version {version} stored from {path}.");
        return ExitCodes.Ok;
    }

    internal static void PrintGate(Gate gate)
    {
        var name = gate.Target == "staging" ? "Staging" : "Production";
        if (gate.Unmet.Count == 0)
        {
            Printer.Line($"{name} gate: open to changes (steps {string.Join(", ", gate.RequiredSteps)} done or waived).");
            return;
        }

        var verdict = gate.Enforced ? "REFUSES a change" : "would refuse a governed model (this one is not governed)";
        Printer.Line($"{name} gate: {verdict}; unmet:");
        foreach (var u in gate.Unmet) Printer.Line($"  [{u.Number} {u.Step}] {u.Detail}");
    }

    private static string Version(ParseResult parse) => parse.GetRequiredValue(O.Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
