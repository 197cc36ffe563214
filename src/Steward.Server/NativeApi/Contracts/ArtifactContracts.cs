namespace Steward.Server.NativeApi.Contracts;

/// <summary>An entry of a run's artifact listing; <c>fileSize</c> is absent for directories.</summary>
internal sealed record ArtifactFileDto(string Path, bool IsDir, long? FileSize);
