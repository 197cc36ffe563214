using Steward.Paging;

namespace Steward.Tracking.LoggedModels;

/// <summary>Where logged models live. Every method is one transaction.</summary>
/// <remarks>Unknown ids throw <see cref="Errors.StewardException"/> with ResourceDoesNotExist.</remarks>
public interface ILoggedModelStore
{
    /// <summary>Stores a new logged model in an active experiment.</summary>
    Task CreateLoggedModelAsync(LoggedModel model, CancellationToken cancellationToken);

    Task<LoggedModel?> GetLoggedModelAsync(string modelId, CancellationToken cancellationToken);

    Task<LoggedModel> FinalizeLoggedModelAsync(string modelId, LoggedModelStatus status, long now, CancellationToken cancellationToken);

    Task DeleteLoggedModelAsync(string modelId, CancellationToken cancellationToken);

    Task SetLoggedModelTagsAsync(string modelId, IReadOnlyList<Tag> tags, long now, CancellationToken cancellationToken);

    Task DeleteLoggedModelTagAsync(string modelId, string key, long now, CancellationToken cancellationToken);

    /// <summary>Adds params; like run params they never change once logged.</summary>
    Task LogLoggedModelParamsAsync(string modelId, IReadOnlyList<Param> parameters, long now, CancellationToken cancellationToken);

    /// <summary>Models of the given experiments, newest first.</summary>
    Task<Page<LoggedModel>> SearchLoggedModelsAsync(IReadOnlyList<string> experimentIds, int maxResults, int offset, CancellationToken cancellationToken);
}
