namespace Steward.Client;

/// <summary>One measurement of a run. <see cref="Value"/> may be NaN or ±Infinity.</summary>
/// <param name="Key">The metric's name, e.g. <c>train/loss</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Timestamp">When it was measured, Unix milliseconds.</param>
/// <param name="Step">The training step or epoch it belongs to.</param>
public sealed record Metric(string Key, double Value, long Timestamp, long Step);
