namespace Steward.Artifacts;

/// <summary>An entry of an artifact listing; <see cref="FileSize"/> is null for directories.</summary>
public sealed record ArtifactFile(string Path, bool IsDir, long? FileSize);
