using System.CommandLine;

namespace Steward.Cli;

/// <summary>The options of the identity verbs (users, tokens, domains).</summary>
internal static partial class CliOptions
{
    public static readonly Option<string[]> Roles = new("--role")
    {
        Description = "A role: admin, data-scientist, ml-engineer, data-engineer, risk-manager, ethics-officer, governance-officer, release-manager, product-manager, data-analyst, executive, auditor; repeat for several.",
        HelpName = "role",
    };

    public static readonly Option<string[]> Domains = new("--domain")
    {
        Description = "A domain the user writes in; repeat for several (the first is where their new objects go).",
        HelpName = "domain",
    };

    public static readonly Option<string?> Domain = new("--domain")
    {
        Description = "The domain that owns it. Default: your default (first) domain.",
        HelpName = "domain",
    };

    public static readonly Option<string?> DisplayName = new("--display-name")
    {
        Description = "How people call the user. Default: the user name.",
        HelpName = "text",
    };

    public static readonly Option<string?> Email = new("--email")
    {
        Description = "The user's email address (empty clears it).",
        HelpName = "address",
    };

    public static readonly Option<string?> User = new("--user", "-u")
    {
        Description = "Whose tokens. Default: yours.",
        HelpName = "name",
    };

    public static readonly Option<string?> Expires = new("--expires")
    {
        Description = "When the token stops working: a duration (30d, 12h), a date (2027-01-31), or never. Default: 90 days.",
        HelpName = "when",
    };

    public static readonly Option<string?> Description = new("--description")
    {
        Description = "Free text.",
        HelpName = "text",
    };
}
