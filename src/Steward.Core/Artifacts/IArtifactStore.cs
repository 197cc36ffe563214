namespace Steward.Artifacts;

/// <summary>
/// Bytes of artifacts, addressed by relative paths like <c>3/&lt;run_id&gt;/artifacts/model/MLmodel</c>.
/// </summary>
/// <remarks>
/// Paths reach a store already checked by <see cref="ArtifactPath.Normalize"/>; a store still
/// refuses anything that would resolve outside its root. Every change is staged first and takes
/// effect only on <see cref="IStagedArtifactChange.CommitAsync"/>, which takes the receipt of the
/// change's committed ledger entry (<see cref="Audit.LedgerReceipt"/>): a change the ledger cannot
/// record is disposed uncommitted and leaves the store as it was.
/// </remarks>
public interface IArtifactStore
{
    /// <summary>
    /// Writes <paramref name="content"/> where no reader sees it; committing puts the file at
    /// <paramref name="path"/> (replacing any old one whole), disposing uncommitted removes it.
    /// </summary>
    Task<IStagedArtifactChange> StageWriteAsync(string path, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a delete of a file or a directory tree; committing deletes it (no error when nothing
    /// is there), disposing uncommitted leaves it in place.
    /// </summary>
    Task<IStagedArtifactChange> StageDeleteAsync(string path, CancellationToken cancellationToken);

    /// <summary>Opens a file for reading, or null when there is no file at that path.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>The direct children of a directory with basename paths; empty when it does not exist.</summary>
    Task<IReadOnlyList<ArtifactFile>> ListAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Removes staged writes last touched before <paramref name="before"/> that were never
    /// committed nor disposed (the process stopped in between), and returns their store paths.
    /// </summary>
    Task<IReadOnlyList<string>> RemoveAbandonedAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
