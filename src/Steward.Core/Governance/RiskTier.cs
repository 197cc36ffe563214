namespace Steward.Governance;

/// <summary>A model's risk tier, from its scorecard: it decides how often the model is reviewed and which approvals a promotion needs.</summary>
public enum RiskTier
{
    Low,
    Medium,
    High,
}

/// <summary>The names the APIs and configuration files use for <see cref="RiskTier"/>.</summary>
public static class RiskTiers
{
    /// <summary>Lowercase name: low, medium, high.</summary>
    public static string Name(RiskTier tier) => tier.ToString().ToLowerInvariant();

    /// <summary>Parses a tier name, ignoring case; null when it is none of low, medium, high.</summary>
    public static RiskTier? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "low" => RiskTier.Low,
        "medium" => RiskTier.Medium,
        "high" => RiskTier.High,
        _ => null,
    };
}
