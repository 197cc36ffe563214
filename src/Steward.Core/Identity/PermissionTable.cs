using System.Text;
using static Steward.Identity.Role;

namespace Steward.Identity;

/// <summary>
/// The permission model, as one table: for each <see cref="Permission"/>, where it applies and
/// which roles hold it. Nothing else decides what a role may do; the table in docs/identities.md is
/// <see cref="ToMarkdown"/>'s output.
/// </summary>
/// <remarks>
/// Reading metadata is every role's: anyone authenticated may see what exists, in every domain.
/// Writes are scoped to the writer's domains (<see cref="PermissionScope.OwnDomains"/>); an admin
/// belongs to every domain. Downloading artifact content is a protected read, recorded in the
/// ledger, and not an executive's: an executive reads metadata (the overview, what exists and in
/// which state, later the KPI dashboard) and its own credentials, and writes nothing; the ledger
/// and the identities are the auditor's to read. <see cref="RolesToMarkdown"/> shows the table
/// role by role.
/// </remarks>
public static partial class PermissionTable
{
    private static readonly Role[] Everyone = [.. Roles.All];

    /// <summary>The rows, in the order docs/identities.md shows them.</summary>
    public static IReadOnlyList<PermissionRule> Rules { get; } =
    [
        new(Permission.ReadMetadata, "read metadata", "experiments, runs, metrics, models, versions, artifact listings, domains",
            PermissionScope.Everywhere, Everyone),
        new(Permission.ReadArtifacts, "download artifacts", "artifact content; each download is a ledger entry",
            PermissionScope.Everywhere, [Admin, DataScientist, MlEngineer, DataEngineer, RiskManager, EthicsOfficer, GovernanceOfficer, ReleaseManager, DataAnalyst, Auditor]),
        new(Permission.WriteTracking, "write tracking", "experiments, runs, metrics, params, tags, inputs, artifacts, logged models",
            PermissionScope.OwnDomains, [Admin, DataScientist, MlEngineer, DataEngineer]),
        new(Permission.WriteRegistry, "write registry", "registered models, versions, their tags and descriptions",
            PermissionScope.OwnDomains, [Admin, DataScientist, MlEngineer]),
        new(Permission.ChangeStage, "change stage or alias", "moving a version between stages; setting and deleting aliases",
            PermissionScope.OwnDomains, [Admin, MlEngineer, ReleaseManager]),
        new(Permission.RunAudits, "run audits", "fairness, drift and evaluation audits of model versions, kept as evidence",
            PermissionScope.Everywhere, [Admin, DataScientist, MlEngineer, RiskManager, EthicsOfficer, GovernanceOfficer]),
        new(Permission.WriteGovernanceRecord, "write governance record", "a model's entry in the risk registry: owner, purpose, affected parties, status, checklists",
            PermissionScope.OwnDomains, [Admin, MlEngineer, GovernanceOfficer]),
        new(Permission.ReviewModels, "review models", "periodic reviews of a model in the risk registry",
            PermissionScope.Everywhere, [Admin, RiskManager, GovernanceOfficer]),
        new(Permission.ConfigureGovernance, "configure governance", "the scorecard configuration, checklist templates and the lifecycle policy (approvals, gates, protected aliases)",
            PermissionScope.Everywhere, [Admin, GovernanceOfficer]),
        new(Permission.FileScorecards, "file scorecards", "a model version's risk scorecard",
            PermissionScope.Everywhere, [Admin, RiskManager]),
        new(Permission.AnswerChecklists, "answer checklists", "compliance checklist answers of a model version, with evidence",
            PermissionScope.Everywhere, [Admin, GovernanceOfficer]),
        new(Permission.EditModelCards, "edit model cards", "the people-written sections of a model version's card",
            PermissionScope.OwnDomains, [Admin, DataScientist, MlEngineer]),
        new(Permission.ApproveVersions, "approve versions", "approving or rejecting a version's promotion; only the roles its risk tier asks for count, never an author",
            PermissionScope.Everywhere, [Admin, MlEngineer, ReleaseManager, RiskManager, EthicsOfficer, GovernanceOfficer]),
        new(Permission.RecordLifecycleSteps, "record lifecycle steps", "attesting or waiving a lifecycle step of a version: only the step's owner role",
            PermissionScope.Everywhere, [Admin, MlEngineer, DataEngineer, GovernanceOfficer, ReleaseManager, ProductManager, DataAnalyst]),
        new(Permission.ReadLedger, "read ledger", "audit entries, signed tree heads, proofs, version authorship",
            PermissionScope.Everywhere, [Admin, RiskManager, EthicsOfficer, GovernanceOfficer, Auditor]),
        new(Permission.ReadIdentities, "read identities", "users and anyone's tokens (never a secret)",
            PermissionScope.Everywhere, [Admin, Auditor]),
        new(Permission.ManageIdentities, "manage identities", "users, their roles, domains, passwords and tokens; new domains",
            PermissionScope.Everywhere, [Admin]),
        new(Permission.AssignDomain, "move between domains", "an experiment's or a registered model's domain",
            PermissionScope.Everywhere, [Admin]),
        new(Permission.ManageOwnCredentials, "own credentials", "`/me`, one's own password and tokens",
            PermissionScope.Everywhere, Everyone),
    ];

    private static readonly Dictionary<Permission, PermissionRule> ByPermission = Rules.ToDictionary(r => r.Permission);

    /// <summary>The rule of one permission.</summary>
    public static PermissionRule Rule(Permission permission) => ByPermission[permission];

    /// <summary>True when any of <paramref name="roles"/> holds <paramref name="permission"/> (wherever it applies).</summary>
    public static bool Holds(IEnumerable<Role> roles, Permission permission)
    {
        var rule = ByPermission[permission];
        return roles.Any(rule.Roles.Contains);
    }

    /// <summary>A permission's name on the wire: <c>write-tracking</c>.</summary>
    public static string Name(Permission permission) =>
        string.Concat(permission.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The table as Markdown, exactly as docs/identities.md shows it.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| action | covers | where | roles |\n");
        text.Append("|---|---|---|---|\n");
        foreach (var rule in Rules)
        {
            var where = rule.Scope == PermissionScope.OwnDomains ? "own domains" : "everywhere";
            var roles = rule.Roles.Count == Roles.All.Count ? "every role" : string.Join(", ", rule.Roles.Select(Roles.Name));
            text.Append($"| {rule.Title} | {rule.Covers} | {where} | {roles} |\n");
        }

        return text.ToString();
    }
}

/// <summary>One row of <see cref="PermissionTable"/>.</summary>
/// <param name="Permission">The action.</param>
/// <param name="Title">Its name in docs/identities.md and in denial messages.</param>
/// <param name="Covers">What it covers, in a user's words.</param>
/// <param name="Scope">Everywhere, or only inside the principal's domains.</param>
/// <param name="Roles">The roles that hold it.</param>
public sealed record PermissionRule(Permission Permission, string Title, string Covers, PermissionScope Scope, IReadOnlyList<Role> Roles);
