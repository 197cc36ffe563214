namespace Steward.Tracking;

/// <summary>A data set a run used, identified by name and content digest.</summary>
public sealed record Dataset(string Name, string Digest, string SourceType, string Source, string? Schema, string? Profile);
