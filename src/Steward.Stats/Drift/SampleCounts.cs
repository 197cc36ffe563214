namespace Steward.Stats.Drift;

/// <summary>Values of one sample that were compared, and values left out as missing (NULL, NaN, ±∞).</summary>
public sealed record SampleCounts(long Count, long Missing);
