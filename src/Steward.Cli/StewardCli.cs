using System.CommandLine;
using Steward.Cli.Commands;
using Steward.Cli.Commands.Governance;

namespace Steward.Cli;

/// <summary>The command tree: <c>steward &lt;noun&gt; &lt;verb&gt;</c>.</summary>
internal static class StewardCli
{
    public static RootCommand CreateRootCommand() =>
        new("Steward: experiment tracking, model registry and governance for machine-learning models.")
        {
            ServerCommand.Create(),
            ExperimentsCommand.Create(),
            RunsCommand.Create(),
            ModelsCommand.Create(),
            AuditCommand.Create(),
            EvaluateCommand.Create(),
            GovernanceCommand.Create(),
            ApprovalsCommand.Create(),
            CardsCommand.Create(),
            UsersCommand.Create(),
            TokensCommand.Create(),
            DomainsCommand.Create(),
            WhoAmICommand.Create(),
        };
}
