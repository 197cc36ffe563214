namespace Steward.Stats.Drift;

/// <summary>
/// One sample of a column: values compared, values left out as missing (NULL, NaN, ±∞), and for
/// numeric columns the smallest and largest value compared (null for categorical columns).
/// </summary>
public sealed record SampleSummary(long Count, long Missing, double? Min = null, double? Max = null);
