namespace Steward.Artifacts;

/// <summary>A write or delete of an artifact that is prepared but has not taken effect.</summary>
/// <remarks>
/// <see cref="CommitAsync"/> makes the change visible; disposing an uncommitted change undoes
/// what staging did (removes a staged file). Disposing after a commit does nothing.
/// </remarks>
public interface IStagedArtifactChange : IAsyncDisposable
{
    /// <summary>Makes the change visible to readers. Called at most once.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
