namespace Steward.Tracking;

/// <summary>The attributes of a run that may change; null means "leave as is".</summary>
public sealed record RunUpdate(RunStatus? Status, long? EndTime, string? RunName);
