using System.Text;
using static Steward.Identity.Role;

namespace Steward.Identity;

/// <summary>The permission table read role by role: who holds each role and what it may do.</summary>
public static partial class PermissionTable
{
    /// <summary>Who holds each role, in a user's words; what it may do is the table's.</summary>
    private static readonly Dictionary<Role, string> Holders = new()
    {
        [Admin] = "runs the installation",
        [DataScientist] = "logs experiments, registers models, audits them",
        [MlEngineer] = "trains, registers, promotes and monitors models",
        [DataEngineer] = "builds the feature pipelines and their data (lifecycle step 2)",
        [RiskManager] = "scores model risk, reviews and approves",
        [EthicsOfficer] = "reviews bias evidence and approves high-risk versions",
        [GovernanceOfficer] = "configures governance, keeps the risk registry and checklists",
        [ReleaseManager] = "promotes approved versions, approves roll-outs",
        [ProductManager] = "defines the business KPI a model serves (lifecycle step 1)",
        [DataAnalyst] = "collects feedback on models in production (lifecycle step 9)",
        [Executive] = "follows the portfolio: reads, never writes",
        [Auditor] = "reads everything, the ledger and the identities too; writes nothing",
    };

    /// <summary>The actions a role holds, in the table's order.</summary>
    public static IReadOnlyList<Permission> PermissionsOf(Role role) =>
        Rules.Where(r => r.Roles.Contains(role)).Select(r => r.Permission).ToList();

    /// <summary>The table role by role, as Markdown: each role, who holds it, and what it may do.</summary>
    public static string RolesToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| role | who | may |\n");
        text.Append("|---|---|---|\n");
        foreach (var role in Roles.All)
        {
            var held = PermissionsOf(role);
            var may = held.Count == Rules.Count ? "everything, in every domain" : string.Join(", ", held.Select(p => Rule(p).Title));
            text.Append($"| {Roles.Name(role)} | {Holders[role]} | {may} |\n");
        }

        return text.ToString();
    }
}
