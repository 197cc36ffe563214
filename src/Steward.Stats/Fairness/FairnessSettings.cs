namespace Steward.Stats.Fairness;

/// <summary>The settings an audit ran with, recorded in its report so the report can be reproduced.</summary>
public sealed record FairnessSettings
{
    /// <summary>The sensitive features the groups are made of.</summary>
    public required IReadOnlyList<string> SensitiveFeatures { get; init; }

    /// <summary>How disparities compare groups.</summary>
    public required DisparityMethod Method { get; init; }

    /// <summary>The reference group as requested, or null when the default (highest selection rate) was used.</summary>
    public required IReadOnlyDictionary<string, string?>? ReferenceGroup { get; init; }

    /// <summary>The disparate-impact threshold.</summary>
    public required double DisparateImpactThreshold { get; init; }

    /// <summary>The bootstrap settings, or null when no intervals were computed.</summary>
    public required BootstrapOptions? Bootstrap { get; init; }
}
