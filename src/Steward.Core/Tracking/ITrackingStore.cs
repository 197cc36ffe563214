using Steward.Audit;
using Steward.Paging;

namespace Steward.Tracking;

/// <summary>
/// Where experiments, runs and their logged data live. One implementation per database
/// (SQLite, PostgreSQL), both held to one contract test suite.
/// </summary>
/// <remarks>
/// Every method is one transaction: it completes entirely or changes nothing. A write takes the
/// operation's <see cref="AuditedChange"/> and appends its ledger entry in that transaction. Callers pass
/// validated input (see <see cref="TrackingService"/>); the store enforces what only it can
/// check atomically — uniqueness, existence, that a run is active, that a param keeps its
/// value — and throws <see cref="Errors.StewardException"/> for those.
/// </remarks>
public interface ITrackingStore
{
    /// <summary>Creates the store's schema or brings it up to date; safe to call concurrently from several servers.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Creates an experiment in a domain; a null artifact location becomes <c>{defaultArtifactRoot}/{id}</c>.</summary>
    Task<string> CreateExperimentAsync(AuditedChange change, string name, string? artifactLocation, string defaultArtifactRoot, string domain, IReadOnlyList<Tag> tags, long now, CancellationToken cancellationToken);

    Task<Experiment?> GetExperimentAsync(string experimentId, CancellationToken cancellationToken);

    Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken);

    Task<Page<Experiment>> SearchExperimentsAsync(ExperimentQuery query, CancellationToken cancellationToken);

    /// <summary>Moves an experiment (and so its runs) to another domain.</summary>
    Task SetExperimentDomainAsync(AuditedChange change, string experimentId, string domain, long now, CancellationToken cancellationToken);

    /// <summary>The domain of a run's experiment, or null when there is no such run.</summary>
    Task<string?> GetRunDomainAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// The experiments (deleted ones too) whose artifact folder can enclose or lie under a path in
    /// the served store that starts with <paramref name="firstSegment"/>: the experiment with that
    /// id, and every experiment whose location starts with <paramref name="servedScheme"/> but is
    /// not its default <c>{servedScheme}/{id}</c>.
    /// </summary>
    Task<IReadOnlyList<ExperimentLocation>> ListArtifactLocationsAsync(string servedScheme, string? firstSegment, CancellationToken cancellationToken);

    Task RenameExperimentAsync(AuditedChange change, string experimentId, string newName, long now, CancellationToken cancellationToken);

    /// <summary>Soft-deletes or restores an experiment together with all its runs.</summary>
    Task SetExperimentLifecycleAsync(AuditedChange change, string experimentId, LifecycleStage stage, long now, CancellationToken cancellationToken);

    Task SetExperimentTagAsync(AuditedChange change, string experimentId, Tag tag, long now, CancellationToken cancellationToken);

    Task DeleteExperimentTagAsync(AuditedChange change, string experimentId, string key, long now, CancellationToken cancellationToken);

    /// <summary>Creates a run in an active experiment and returns it as stored.</summary>
    Task<Run> CreateRunAsync(AuditedChange change, NewRun run, CancellationToken cancellationToken);

    Task<Run?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Updates status, end time or name (keeping the <c>mlflow.runName</c> tag in step).</summary>
    Task<RunInfo> UpdateRunAsync(AuditedChange change, string runId, RunUpdate update, CancellationToken cancellationToken);

    Task SetRunLifecycleAsync(AuditedChange change, string runId, LifecycleStage stage, long now, CancellationToken cancellationToken);

    /// <summary>
    /// Writes metrics, params and tags to an active run, all or nothing. Identical metric points
    /// are stored once; a param logged again with a different value fails the whole batch.
    /// </summary>
    Task LogBatchAsync(AuditedChange change, string runId, RunBatch batch, CancellationToken cancellationToken);

    Task DeleteRunTagAsync(AuditedChange change, string runId, string key, CancellationToken cancellationToken);

    Task LogInputsAsync(AuditedChange change, string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken);

    /// <summary>Every point of one metric of one run, ordered by step, then timestamp.</summary>
    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken);

    Task<Page<Run>> SearchRunsAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of runs (in any lifecycle stage) that start with <paramref name="prefix"/>, in
    /// order, at most <paramref name="limit"/>; a range over the run-id index, never a scan.
    /// </summary>
    Task<IReadOnlyList<string>> FindRunIdsAsync(string prefix, int limit, CancellationToken cancellationToken);
}
