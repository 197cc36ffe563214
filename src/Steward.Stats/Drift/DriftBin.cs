namespace Steward.Stats.Drift;

/// <summary>
/// One bin of a numeric column — values v with <see cref="Lower"/> ≤ v &lt; <see cref="Upper"/>, the
/// outer bins open-ended (null bound) — or one category of a categorical column (both bounds null).
/// </summary>
public sealed record DriftBin(string Label, double? Lower, double? Upper, double Reference, double Current);
