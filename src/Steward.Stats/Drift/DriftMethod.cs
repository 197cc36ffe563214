using System.Text.Json.Serialization;

namespace Steward.Stats.Drift;

/// <summary>The measure whose value decides whether a column drifted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftMethod>))]
public enum DriftMethod
{
    /// <summary>Two-sample Kolmogorov–Smirnov test (numeric); drift when the p-value is below the threshold.</summary>
    [JsonStringEnumMemberName("ks")]
    KolmogorovSmirnov,

    /// <summary>Chi-square test of current counts against reference shares (categorical); drift when the p-value is below the threshold.</summary>
    [JsonStringEnumMemberName("chisquare")]
    ChiSquare,

    /// <summary>Population stability index (both types); drift when it reaches the threshold.</summary>
    [JsonStringEnumMemberName("psi")]
    Psi,

    /// <summary>Wasserstein distance divided by the reference's standard deviation (numeric); drift when it reaches the threshold.</summary>
    [JsonStringEnumMemberName("wasserstein")]
    Wasserstein,

    /// <summary>Jensen–Shannon distance, natural logarithm (both types); drift when it reaches the threshold.</summary>
    [JsonStringEnumMemberName("jensenshannon")]
    JensenShannon,
}
