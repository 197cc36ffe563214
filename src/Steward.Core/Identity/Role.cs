using Steward.Errors;

namespace Steward.Identity;

/// <summary>
/// What a user does in the organisation; a user holds one or more. What each role may do is
/// <see cref="PermissionTable"/>'s to say.
/// </summary>
public enum Role
{
    /// <summary>Everything, in every domain, including identities.</summary>
    Admin,
    DataScientist,
    MlEngineer,
    DataEngineer,
    RiskManager,
    EthicsOfficer,
    GovernanceOfficer,
    ReleaseManager,
    /// <summary>Defines the business KPI a model serves (lifecycle step 1).</summary>
    ProductManager,
    /// <summary>Collects and reads feedback on models in production (lifecycle step 9).</summary>
    DataAnalyst,
    /// <summary>Dashboards: reads metadata, nothing else.</summary>
    Executive,
    /// <summary>Reads everything, including the ledger and the identities; writes nothing.</summary>
    Auditor,
}

/// <summary>How roles are spelt on the wire, in the CLI and in the database: <c>data-scientist</c>.</summary>
public static class Roles
{
    private static readonly Dictionary<Role, string> Names = new()
    {
        [Role.Admin] = "admin",
        [Role.DataScientist] = "data-scientist",
        [Role.MlEngineer] = "ml-engineer",
        [Role.DataEngineer] = "data-engineer",
        [Role.RiskManager] = "risk-manager",
        [Role.EthicsOfficer] = "ethics-officer",
        [Role.GovernanceOfficer] = "governance-officer",
        [Role.ReleaseManager] = "release-manager",
        [Role.ProductManager] = "product-manager",
        [Role.DataAnalyst] = "data-analyst",
        [Role.Executive] = "executive",
        [Role.Auditor] = "auditor",
    };

    private static readonly Dictionary<string, Role> ByName = Names.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>Every role, in declaration order.</summary>
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static string Name(Role role) => Names[role];

    /// <summary>Parses a role name, refusing unknown ones with a message that lists the valid names.</summary>
    public static Role Parse(string? name, string field = "roles")
    {
        var key = name?.Trim().ToLowerInvariant() ?? "";
        if (ByName.TryGetValue(key, out var role)) return role;
        throw StewardException.Invalid($"Unknown role '{name}' in '{field}'. Roles are: {string.Join(", ", Names.Values)}.");
    }

    /// <summary>Parses a list of role names: at least one, no duplicates kept.</summary>
    public static IReadOnlyList<Role> ParseList(IEnumerable<string>? names, string field = "roles")
    {
        var roles = (names ?? []).Select(n => Parse(n, field)).Distinct().ToList();
        if (roles.Count == 0) throw StewardException.Invalid($"'{field}' must name at least one role. Roles are: {string.Join(", ", Names.Values)}.");
        return roles;
    }
}
