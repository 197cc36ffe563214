namespace Steward.Artifacts;

/// <summary>
/// Bytes of artifacts, addressed by relative paths like <c>3/&lt;run_id&gt;/artifacts/model/MLmodel</c>.
/// </summary>
/// <remarks>
/// Paths reach a store already checked by <see cref="ArtifactPath.Normalize"/>; a store still
/// refuses anything that would resolve outside its root. A write is visible only once complete.
/// </remarks>
public interface IArtifactStore
{
    Task WriteAsync(string path, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a file for reading, or null when there is no file at that path.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>The direct children of a directory with basename paths; empty when it does not exist.</summary>
    Task<IReadOnlyList<ArtifactFile>> ListAsync(string path, CancellationToken cancellationToken);

    /// <summary>Deletes a file or a directory tree; no error when nothing is there.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);
}
