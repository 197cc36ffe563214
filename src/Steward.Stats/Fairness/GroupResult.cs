using System.Text.Json.Serialization;

namespace Steward.Stats.Fairness;

/// <summary>One group's rates, with its values by sensitive feature and, when bootstrapped, their intervals.</summary>
public sealed record GroupResult : GroupRates
{
    /// <summary>The group: sensitive feature name → value (null for rows with no value).</summary>
    [JsonPropertyOrder(-1)]
    public required IReadOnlyDictionary<string, string?> Group { get; init; }

    /// <summary>Bootstrap confidence intervals of the rates, or null without a bootstrap.</summary>
    [JsonPropertyOrder(1)]
    public RateIntervals? Intervals { get; init; }
}
