namespace Steward.Client;

/// <summary>An entry of a run's artifact listing.</summary>
/// <param name="Path">Path relative to the run's artifact root.</param>
/// <param name="IsDir">True for a folder.</param>
/// <param name="FileSize">Size in bytes; null for folders.</param>
public sealed record ArtifactFile(string Path, bool IsDir, long? FileSize);
