namespace Steward.Tracking;

/// <summary>A run's input setting. Once logged, its value never changes.</summary>
public sealed record Param(string Key, string Value);
