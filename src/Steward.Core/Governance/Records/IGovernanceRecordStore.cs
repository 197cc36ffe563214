using Steward.Audit;

namespace Steward.Governance.Records;

/// <summary>
/// Where governance records and their reviews live, keyed by the registered model (they follow
/// a rename). Each write is one transaction, which appends the ledger entry of the
/// <see cref="AuditedChange"/> it is given.
/// </summary>
public interface IGovernanceRecordStore
{
    /// <summary>
    /// Creates the model's record or changes it; <c>Created</c> says which. The record's domain is
    /// the model's, read under the model's lock. Fails with ResourceDoesNotExist when there is no
    /// such registered model, and with InvalidParameterValue when a new record would have no owner
    /// or the changes name a domain other than the model's.
    /// </summary>
    Task<(GovernanceRecord Record, bool Created)> UpsertAsync(AuditedChange change, string modelName, GovernanceRecordChanges changes, string actor, long now, CancellationToken cancellationToken);

    /// <summary>The model's record, or null when the model has none (or does not exist).</summary>
    Task<GovernanceRecord?> GetAsync(string modelName, CancellationToken cancellationToken);

    /// <summary>Every record matching the filter, ordered by model name.</summary>
    Task<IReadOnlyList<GovernanceRecord>> ListAsync(GovernanceRecordFilter filter, CancellationToken cancellationToken);

    /// <summary>Records a review and makes it the record's last; ResourceDoesNotExist when the model has no record.</summary>
    Task<Review> AddReviewAsync(AuditedChange change, string modelName, ReviewOutcome outcome, string notes, string reviewer, long now, CancellationToken cancellationToken);

    /// <summary>
    /// The versions now in Production of each model that has a record (of <paramref name="modelName"/>
    /// alone when given), by model name, lowest version first; models with none are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<int>>> ListProductionVersionsAsync(string? modelName, CancellationToken cancellationToken);

    /// <summary>The model's reviews, newest first.</summary>
    Task<IReadOnlyList<Review>> ListReviewsAsync(string modelName, CancellationToken cancellationToken);
}
