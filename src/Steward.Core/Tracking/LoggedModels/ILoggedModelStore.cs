using Steward.Audit;
using Steward.Paging;

namespace Steward.Tracking.LoggedModels;

/// <summary>
/// Where logged models live. Every method is one transaction; a write takes the operation's
/// <see cref="AuditedChange"/> and appends its ledger entry in that transaction.
/// </summary>
/// <remarks>Unknown ids throw <see cref="Errors.StewardException"/> with ResourceDoesNotExist.</remarks>
public interface ILoggedModelStore
{
    /// <summary>Stores a new logged model in an active experiment.</summary>
    Task CreateLoggedModelAsync(AuditedChange change, LoggedModel model, CancellationToken cancellationToken);

    Task<LoggedModel?> GetLoggedModelAsync(string modelId, CancellationToken cancellationToken);

    Task<LoggedModel> FinalizeLoggedModelAsync(AuditedChange change, string modelId, LoggedModelStatus status, long now, CancellationToken cancellationToken);

    /// <summary>Hides a model; it stays stored.</summary>
    Task DeleteLoggedModelAsync(AuditedChange change, string modelId, long now, CancellationToken cancellationToken);

    Task SetLoggedModelTagsAsync(AuditedChange change, string modelId, IReadOnlyList<Tag> tags, long now, CancellationToken cancellationToken);

    Task DeleteLoggedModelTagAsync(AuditedChange change, string modelId, string key, long now, CancellationToken cancellationToken);

    /// <summary>Adds params; like run params they never change once logged.</summary>
    Task LogLoggedModelParamsAsync(AuditedChange change, string modelId, IReadOnlyList<Param> parameters, long now, CancellationToken cancellationToken);

    /// <summary>Models of the given experiments, newest first.</summary>
    Task<Page<LoggedModel>> SearchLoggedModelsAsync(IReadOnlyList<string> experimentIds, int maxResults, int offset, CancellationToken cancellationToken);
}
