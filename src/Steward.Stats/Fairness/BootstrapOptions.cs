namespace Steward.Stats.Fairness;

/// <summary>Settings of the percentile bootstrap; the same seed gives the same intervals.</summary>
/// <param name="Resamples">How many resamples (1 … <see cref="FairnessLimits.MaxBootstrapResamples"/>).</param>
/// <param name="Confidence">Coverage of each interval, strictly between 0 and 1 (0.95: the 2.5th and 97.5th percentiles).</param>
/// <param name="Seed">Seed of the resampling streams.</param>
public sealed record BootstrapOptions(int Resamples = 1000, double Confidence = 0.95, long Seed = 0);
