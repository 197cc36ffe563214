namespace Steward.Stats.Fairness;

/// <summary>A percentile bootstrap confidence interval: the lower and upper quantiles of the resampled values.</summary>
public sealed record ConfidenceInterval(double Lower, double Upper);
