namespace Steward.Governance.Records;

/// <summary>
/// Where governance records and their reviews live, keyed by the registered model (they follow
/// a rename). Writes run inside the caller's audit scope, one transaction each.
/// </summary>
public interface IGovernanceRecordStore
{
    /// <summary>
    /// Creates the model's record or changes it; <c>Created</c> says which. Fails with
    /// ResourceDoesNotExist when there is no such registered model, and with InvalidParameterValue
    /// when a new record would have no owner or no domain.
    /// </summary>
    Task<(GovernanceRecord Record, bool Created)> UpsertAsync(string modelName, GovernanceRecordChanges changes, string actor, long now, CancellationToken cancellationToken);

    /// <summary>The model's record, or null when the model has none (or does not exist).</summary>
    Task<GovernanceRecord?> GetAsync(string modelName, CancellationToken cancellationToken);

    /// <summary>Every record matching the filter, ordered by model name.</summary>
    Task<IReadOnlyList<GovernanceRecord>> ListAsync(GovernanceRecordFilter filter, CancellationToken cancellationToken);

    /// <summary>Records a review and makes it the record's last; ResourceDoesNotExist when the model has no record.</summary>
    Task<Review> AddReviewAsync(string modelName, ReviewOutcome outcome, string notes, string reviewer, long now, CancellationToken cancellationToken);

    /// <summary>The model's reviews, newest first.</summary>
    Task<IReadOnlyList<Review>> ListReviewsAsync(string modelName, CancellationToken cancellationToken);
}
