namespace Steward.Stats.Drift;

/// <summary>A column that was not compared, and why (no values in one sample, only in one file, ...).</summary>
public sealed record SkippedColumn(string Column, string Reason);
