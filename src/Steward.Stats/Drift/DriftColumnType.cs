using System.Text.Json.Serialization;

namespace Steward.Stats.Drift;

/// <summary>How a column is compared: as a continuous quantity or as a set of categories.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftColumnType>))]
public enum DriftColumnType
{
    /// <summary>Compared by distribution (KS, Wasserstein, PSI and Jensen–Shannon over reference quantile bins).</summary>
    [JsonStringEnumMemberName("numeric")]
    Numeric,

    /// <summary>Compared by category shares (chi-square, PSI and Jensen–Shannon over categories).</summary>
    [JsonStringEnumMemberName("categorical")]
    Categorical,
}
