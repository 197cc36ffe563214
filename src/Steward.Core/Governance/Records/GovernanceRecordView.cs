using System.Globalization;
using Steward.Governance.Scorecards;

namespace Steward.Governance.Records;

/// <summary>
/// A record as the registry shows it: the stored fields, the model's risk (its newest
/// scorecard over all versions; null when never scored), its review schedule, and the model's
/// versions now in Production (for the warnings).
/// </summary>
public sealed record GovernanceRecordView(GovernanceRecord Record, Scorecard? Risk, ReviewSchedule Schedule, IReadOnlyList<int> ProductionVersions)
{
    /// <summary>Where <see cref="EffectiveTier"/> comes from when the model was scored.</summary>
    public const string FromScorecard = "model-scorecard";

    /// <summary>Where <see cref="EffectiveTier"/> comes from when no scorecard was filed: treated as high.</summary>
    public const string Unscored = "unscored";

    /// <summary>The model's risk tier, or null when no scorecard was filed.</summary>
    public RiskTier? Tier => Risk?.Tier;

    /// <summary>
    /// The tier the platform treats the model as: its scorecard's, or high when unscored — as the
    /// review schedule and the approvals do, an unknown risk is not taken for a small one.
    /// </summary>
    public RiskTier EffectiveTier => Risk?.Tier ?? RiskTier.High;

    /// <summary><c>model-scorecard</c>, or <c>unscored</c> (treated as high); the lifecycle's names.</summary>
    public string TierSource => Risk is null ? Unscored : FromScorecard;

    /// <summary>What a reader of the registry should act on: a record still draft while a version is in Production.</summary>
    public IReadOnlyList<string> Warnings => Record.Status == GovernanceStatus.Draft && ProductionVersions.Count > 0
        ? [$"status is draft while {Versions(ProductionVersions)} in Production"]
        : [];

    private static string Versions(IReadOnlyList<int> versions) => versions.Count == 1
        ? $"version {versions[0].ToString(CultureInfo.InvariantCulture)} is"
        : $"versions {string.Join(", ", versions.Select(v => v.ToString(CultureInfo.InvariantCulture)))} are";
}
