namespace Steward.Stats.Drift;

/// <summary>Where the two samples came from: files (or data-set names) and the row filter applied to each (usually the same).</summary>
public sealed record DriftSource(string Reference, string? ReferenceWhere, string Current, string? CurrentWhere);
