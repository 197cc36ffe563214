using System.CommandLine;

namespace Steward.Cli.Commands.Governance;

/// <summary>The options and arguments of the governance and card verbs, each declared once with its help text.</summary>
internal static class GovernanceOptions
{
    public static readonly Argument<string> Name = new("name") { Description = "The registered model's name." };

    public static readonly Argument<int> Version = new("version") { Description = "The model version number." };

    // Record fields.
    public static readonly Option<string?> Owner = new("--owner") { Description = "Accountable owner of the model.", HelpName = "name" };
    public static readonly Option<string?> Domain = new("--domain") { Description = "The model's domain: a record's domain is always its registered model's (optional for set; if given, it must be the model's).", HelpName = "name" };
    public static readonly Option<string?> Purpose = new("--purpose") { Description = "What the model is for.", HelpName = "text" };
    public static readonly Option<string?> IntendedUse = new("--intended-use") { Description = "How the model may be used, and how not.", HelpName = "text" };
    public static readonly Option<string?> Affected = new("--affected") { Description = "Who the model's decisions affect.", HelpName = "text" };
    public static readonly Option<string?> Target = new("--target") { Description = "What the model predicts, e.g. churn (used by the redundancy report).", HelpName = "name" };
    public static readonly Option<string?> Status = new("--status") { Description = "draft, active, suspended or retired.", HelpName = "status" };
    public static readonly Option<string[]> Checklist = new("--checklist") { Description = "A compliance checklist that applies (gdpr, ccpa, sox, ...); repeat for several. Replaces the list.", HelpName = "name" };

    // Listing filters.
    public static readonly Option<string?> Tier = new("--tier") { Description = "Only models of this risk tier: low, medium or high (high includes unscored models, treated as high).", HelpName = "tier" };
    public static readonly Option<bool> Overdue = new("--overdue") { Description = "Only models past their review due date." };

    // Reviews.
    public static readonly Option<string> Outcome = new("--outcome")
    {
        Description = "satisfactory, needs_remediation or unsatisfactory.",
        DefaultValueFactory = _ => "satisfactory",
        HelpName = "outcome",
    };

    public static readonly Option<string?> Notes = new("--notes") { Description = "Findings of the review.", HelpName = "text" };

    // Scorecard factors.
    public static readonly Option<string?> BusinessImpact = new("--business-impact") { Description = "Business impact: low, medium or high.", HelpName = "level" };
    public static readonly Option<string?> DataQuality = new("--data-quality") { Description = "Data quality, percent of the data passing its checks (0-100).", HelpName = "percent" };
    public static readonly Option<string?> BiasRisk = new("--bias-risk") { Description = "Bias risk: low, medium or high (filled from the newest fairness audit when filing, if there is one).", HelpName = "level" };
    public static readonly Option<string?> DeploymentFrequency = new("--deployment-frequency") { Description = "daily, weekly, monthly, quarterly, yearly or ad_hoc.", HelpName = "level" };
    public static readonly Option<string[]> Factor = new("--factor") { Description = "Any other factor your scorecard configures, as key=value; repeat for several.", HelpName = "key=value" };
    public static readonly Option<string?> Config = new("--config") { Description = "Score with this scorecard configuration file instead of the server's (nothing is sent).", HelpName = "file" };
    public static readonly Option<bool> Local = new("--local") { Description = "Score with the shipped default configuration instead of the server's (nothing is sent)." };
    public static readonly Option<int?> ConfigVersion = new("--version", "--config-version") { Description = "Show this stored version (0 is the shipped default); default: the one in force.", HelpName = "n" };

    // Checklists.
    public static readonly Argument<string> ChecklistName = new("checklist") { Description = "The checklist, e.g. gdpr." };
    public static readonly Argument<string> Item = new("item") { Description = "The checklist item, e.g. dpia." };
    public static readonly Argument<string> File = new("file") { Description = "A YAML file." };
    public static readonly Option<string> AnswerStatus = new("--status") { Description = "met, not_met or not_applicable.", Required = true, HelpName = "status" };
    public static readonly Option<string[]> Evidence = new("--evidence") { Description = "Evidence as kind=ref: url=https://..., run=RUN_ID, artifact=RUN_ID/path, audit=ID; repeat for several.", HelpName = "kind=ref" };
    public static readonly Option<string?> Note = new("--note") { Description = "Free text; says why for not_applicable.", HelpName = "text" };

    // Redundancy.
    public static readonly Option<double?> Threshold = new("--threshold") { Description = "Jaccard overlap of features or data sets that makes two models redundant (default 0.5).", HelpName = "0-1" };

    // Model cards.
    public static readonly Option<int?> Revision = new("--revision") { Description = "A stored revision (0 is the draft filled from the platform now). Default: the newest.", HelpName = "n" };
    public static readonly Option<string[]> Text = new("--text") { Description = "Set a section's text, as section=text (empty clears); repeat for several.", HelpName = "section=text" };
    public static readonly Option<string[]> TextFile = new("--text-file") { Description = "Set a section's text from a file, as section=path; repeat for several.", HelpName = "section=path" };
    public static readonly Option<int?> BaseRevision = new("--base-revision") { Description = "Refuse the edit if the card is no longer at this revision.", HelpName = "n" };
    public static readonly Option<string?> Format = new("--format") { Description = "md or html. Default: from --out's extension, else md.", HelpName = "md|html" };
    public static readonly Option<string?> Out = new("--out") { Description = "Write the rendered card to this file instead of standard output.", HelpName = "file" };
}
