using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// The lifecycle policy in force: which models the gates govern, which aliases are protected,
/// which steps each gate asks for, and which approvals each risk tier needs. Configuration (a
/// versioned file, its changes in the ledger), never code.
/// </summary>
/// <param name="Name">The policy's name.</param>
/// <param name="Description">What it is, for people.</param>
/// <param name="Enforce">Which models the gates apply to.</param>
/// <param name="ProtectedAliases">Aliases that gate like Production (lowercase).</param>
/// <param name="StagingSteps">Step keys that must be closed (or waived) to move a version to Staging.</param>
/// <param name="ProductionSteps">Step keys that must be closed (or waived) to move a version to Production or set a protected alias.</param>
/// <param name="Approvals">Per risk tier, the approvals a promotion needs: each requirement is filled by one distinct approver holding one of its roles.</param>
/// <param name="MaxWaiverDays">The longest a waiver may run.</param>
public sealed record LifecyclePolicy(
    string Name,
    string Description,
    GateEnforcement Enforce,
    IReadOnlyList<string> ProtectedAliases,
    IReadOnlyList<string> StagingSteps,
    IReadOnlyList<string> ProductionSteps,
    IReadOnlyDictionary<RiskTier, IReadOnlyList<ApprovalRequirement>> Approvals,
    int MaxWaiverDays)
{
    /// <summary>The steps a gate asks for.</summary>
    public IReadOnlyList<string> StepsFor(GateTarget target) => target == GateTarget.Staging ? StagingSteps : ProductionSteps;

    /// <summary>True when <paramref name="alias"/> gates like Production.</summary>
    public bool IsProtected(string alias) => ProtectedAliases.Contains(alias.Trim().ToLowerInvariant(), StringComparer.Ordinal);
}

/// <summary>One approval a promotion needs: any one person holding one of <see cref="Roles"/>.</summary>
/// <param name="Label">How the requirement is shown, e.g. <c>risk-manager</c>.</param>
/// <param name="Roles">The roles that may fill it.</param>
public sealed record ApprovalRequirement(string Label, IReadOnlyList<Role> Roles);

/// <summary>Which models the lifecycle gates apply to.</summary>
public enum GateEnforcement
{
    /// <summary>Models with a governance record (the default): registering a model in the risk registry puts it under the gates for good.</summary>
    Governed,

    /// <summary>Every model: a model without a governance record is treated as unscored (high risk).</summary>
    All,
}

/// <summary>Where a change takes a version: the gate that decides it.</summary>
public enum GateTarget
{
    Staging,

    /// <summary>Production, or a protected alias.</summary>
    Production,
}

/// <summary>Wire names of the lifecycle enums.</summary>
public static class LifecycleNames
{
    public static string Name(GateEnforcement enforcement) => enforcement.ToString().ToLowerInvariant();

    public static string Name(GateTarget target) => target.ToString().ToLowerInvariant();

    public static GateTarget ParseTarget(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        "staging" => GateTarget.Staging,
        "production" => GateTarget.Production,
        _ => throw Errors.StewardException.Invalid($"Invalid value '{value}' for '{field}': expected staging or production."),
    };
}
