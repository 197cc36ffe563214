using Steward.Artifacts;
using Steward.Registry;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Storage;

/// <summary>
/// The stores of one Steward deployment, opened and migrated together: the only place that
/// knows which database is behind the interfaces.
/// </summary>
public sealed class StewardStorage : IAsyncDisposable
{
    private StewardStorage(ITrackingStore tracking, IRegistryStore registry, ILoggedModelStore loggedModels, IArtifactStore artifacts, string description, IAsyncDisposable? owned)
    {
        Tracking = tracking;
        Registry = registry;
        LoggedModels = loggedModels;
        Artifacts = artifacts;
        Description = description;
        _owned = owned;
    }

    private readonly IAsyncDisposable? _owned;

    public ITrackingStore Tracking { get; }

    public IRegistryStore Registry { get; }

    public ILoggedModelStore LoggedModels { get; }

    public IArtifactStore Artifacts { get; }

    /// <summary>Which database and folder are in use, for the start-up message (no secrets).</summary>
    public string Description { get; }

    /// <summary>Creates the data folder, opens the database and migrates its schema.</summary>
    public static Task<StewardStorage> OpenAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        _ = options;
        _ = cancellationToken;
        throw new NotImplementedException("The SQL stores are being written in src/Steward.Storage.");
    }

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
