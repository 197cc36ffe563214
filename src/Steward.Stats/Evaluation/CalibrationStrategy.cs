using System.Text.Json.Serialization;

namespace Steward.Stats.Evaluation;

/// <summary>How <see cref="CalibrationCurve"/> places its bin edges (scikit-learn's <c>strategy</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CalibrationStrategy>))]
public enum CalibrationStrategy
{
    /// <summary>Equal-width bins over [0, 1].</summary>
    [JsonStringEnumMemberName("uniform")]
    Uniform,

    /// <summary>Edges at the scores' quantiles, so bins hold about as many rows each.</summary>
    [JsonStringEnumMemberName("quantile")]
    Quantile,
}
