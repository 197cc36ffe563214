using Steward.Errors;
using Steward.Governance.Configuration;
using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Reads a lifecycle policy file (YAML). Strict: unknown fields, unknown steps or roles, a tier
/// without approvals, a gate without steps are errors naming the field and line.
/// </summary>
public static class LifecyclePolicyParser
{
    private const string Document = "lifecycle policy";

    public static LifecyclePolicy Parse(string? content)
    {
        if (content is not null && content.Length > GovernanceLimits.MaxConfigurationLength)
            throw StewardException.Invalid($"The {Document} is longer than {GovernanceLimits.MaxConfigurationLength} characters.");
        var root = ConfigNode.Parse(content, Document);
        root.AllowOnly("name", "description", "enforce", "protected_aliases", "gates", "approvals", "max_waiver_days");
        var name = root.Required("name").NonEmptyText(100);
        var description = root.Optional("description")?.NonEmptyText(2000) ?? "";
        var enforceNode = root.Required("enforce");
        var enforce = enforceNode.Text().Trim().ToLowerInvariant() switch
        {
            "governed" => GateEnforcement.Governed,
            "all" => GateEnforcement.All,
            var other => throw enforceNode.Error($"expected governed or all, got '{other}'"),
        };

        var aliases = new List<string>();
        foreach (var item in root.Optional("protected_aliases")?.Items() ?? [])
        {
            var alias = item.NonEmptyText(Limits.MaxAliasLength).ToLowerInvariant();
            if (!aliases.Contains(alias)) aliases.Add(alias);
        }

        var gates = root.Required("gates");
        gates.AllowOnly("staging", "production");
        var staging = Steps(gates.Required("staging"));
        var production = Steps(gates.Required("production"));

        var approvalsNode = root.Required("approvals");
        approvalsNode.AllowOnly("low", "medium", "high");
        var approvals = new Dictionary<RiskTier, IReadOnlyList<ApprovalRequirement>>();
        foreach (var tier in Enum.GetValues<RiskTier>())
        {
            var tierNode = approvalsNode.Required(RiskTiers.Name(tier));
            var requirements = new List<ApprovalRequirement>();
            foreach (var item in tierNode.Items())
            {
                item.AllowOnly("any_of");
                var roles = new List<Role>();
                foreach (var roleNode in item.Required("any_of").Items())
                {
                    Role role;
                    try
                    {
                        role = Roles.Parse(roleNode.Text());
                    }
                    catch (StewardException e)
                    {
                        throw roleNode.Error(e.Message.TrimEnd('.'));
                    }

                    if (role is Role.Admin or Role.Auditor or Role.Executive) throw roleNode.Error($"role '{Roles.Name(role)}' cannot approve promotions");
                    if (!roles.Contains(role)) roles.Add(role);
                }

                if (roles.Count == 0) throw item.Error("any_of must name at least one role");
                requirements.Add(new ApprovalRequirement(string.Join(" or ", roles.Select(Roles.Name)), roles));
            }

            if (requirements.Count == 0) throw tierNode.Error("every tier needs at least one approval");
            approvals[tier] = requirements;
        }

        var maxWaiverDays = root.Optional("max_waiver_days")?.Integer(1, 3660) ?? 90;
        return new LifecyclePolicy(name, description, enforce, aliases, staging, production, approvals, maxWaiverDays);
    }

    private static List<string> Steps(ConfigNode node)
    {
        var steps = new List<string>();
        foreach (var item in node.Items())
        {
            var key = item.NonEmptyText(100).ToLowerInvariant();
            if (LifecycleSteps.All.All(s => s.Key != key))
                throw item.Error($"unknown step '{key}'; the steps are: {string.Join(", ", LifecycleSteps.All.Select(s => s.Key))}");
            if (!steps.Contains(key)) steps.Add(key);
        }

        if (steps.Count == 0) throw node.Error("a gate needs at least one step");
        return steps;
    }
}
