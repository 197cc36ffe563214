using Steward.Errors;
using Steward.Tracking;

namespace Steward.Artifacts;

/// <summary>A run's artifacts, addressed relative to the run's artifact root.</summary>
public sealed class ArtifactService(IArtifactStore artifacts, TrackingService tracking)
{
    /// <summary>The store behind the proxy API, which addresses paths from the store root.</summary>
    public IArtifactStore Store => artifacts;

    public async Task<IReadOnlyList<ArtifactFile>> ListAsync(string? runId, string? path, CancellationToken cancellationToken)
    {
        var (root, relative) = await ResolveAsync(runId, path, cancellationToken);
        var files = await artifacts.ListAsync(ArtifactPath.Combine(root, relative), cancellationToken);
        // Run-relative listings name each entry from the run's root, as MLflow's do.
        return files.Select(f => f with { Path = ArtifactPath.Combine(relative, f.Path) }).ToList();
    }

    public async Task<Stream> OpenReadAsync(string? runId, string? path, CancellationToken cancellationToken)
    {
        var (root, relative) = await ResolveAsync(runId, path, cancellationToken);
        if (relative.Length == 0) throw StewardException.Invalid("Missing value for required parameter 'path'.");
        return await artifacts.OpenReadAsync(ArtifactPath.Combine(root, relative), cancellationToken)
            ?? throw StewardException.NotFound($"No artifact '{relative}' in run {runId}");
    }

    public async Task WriteAsync(string? runId, string? path, Stream content, CancellationToken cancellationToken)
    {
        var (root, relative) = await ResolveAsync(runId, path, cancellationToken);
        if (relative.Length == 0) throw StewardException.Invalid("Missing value for required parameter 'path'.");
        var run = await tracking.GetRunAsync(runId, cancellationToken);
        if (run.Info.LifecycleStage != LifecycleStage.Active)
        {
            throw StewardException.Invalid($"The run {run.Info.RunId} must be in the 'active' state. Current state is deleted.");
        }

        await artifacts.WriteAsync(ArtifactPath.Combine(root, relative), content, cancellationToken);
    }

    private async Task<(string Root, string Relative)> ResolveAsync(string? runId, string? path, CancellationToken cancellationToken)
    {
        var run = await tracking.GetRunAsync(runId, cancellationToken);
        var root = ArtifactPath.ProxyRoot(run.Info.ArtifactUri)
            ?? throw new StewardException(ErrorCode.NotImplemented, $"Run {run.Info.RunId} keeps its artifacts at '{run.Info.ArtifactUri}', which Steward does not serve.");
        return (root, ArtifactPath.Normalize(path));
    }
}
