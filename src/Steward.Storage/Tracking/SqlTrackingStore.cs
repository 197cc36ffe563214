using System.Globalization;
using Steward.Errors;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

/// <summary>
/// Experiments, runs and their logged data on SQLite or PostgreSQL. The SQL is shared; the
/// <see cref="SqlDialect"/> and the <see cref="IMetricWriter"/> carry the differences.
/// </summary>
internal sealed partial class SqlTrackingStore(SqlDatabase database, IMetricWriter metricWriter) : ITrackingStore
{
    // SQL: statements that differ by dialect, and any longer than a few lines, are embedded files
    // beside this class (Tracking/*.sql, a dialect's own as name.Postgres.sql, read with SqlText);
    // short ones both dialects read alike stay inline. Searches, whose SQL follows the filter,
    // are assembled by RunSearchSql and ExperimentSearchSql.
    private const string RunNameTag = TrackingService.RunNameTag;

    private SqlDialect Dialect => database.Dialect;

    public Task MigrateAsync(CancellationToken cancellationToken) => Migrator.MigrateAsync(database, cancellationToken);

    private string Sql(string name) => SqlText.Get(Dialect, $"Tracking.{name}");

    /// <summary>Experiment ids are decimal strings over an integer key; anything else names no experiment.</summary>
    private static long? ParseExperimentId(string experimentId) =>
        long.TryParse(experimentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// Checks that a run exists and is active before a write, locking its row (PostgreSQL) so
    /// that concurrent writes to one run, and a concurrent delete, take turns.
    /// </summary>
    private async Task<RunRow> RequireActiveRunAsync(SqlSession session, string runId)
    {
        var run = await session.FirstOrDefaultAsync<RunRow>(Sql("lock_run"), new { runId })
            ?? throw RunNotFound(runId);
        if (run.LifecycleStage != Lifecycle.Active)
        {
            throw StewardException.Invalid($"The run {runId} must be in the 'active' state. Current state is {run.LifecycleStage}.");
        }

        return run;
    }

    private static StewardException RunNotFound(string runId) => StewardException.NotFound($"Run with id={runId} not found");

    private static StewardException ExperimentNotFound(string experimentId) => StewardException.NotFound($"No Experiment with id={experimentId} exists");

    private static StewardException ExperimentExists(string name) => StewardException.AlreadyExists($"Experiment(name={name}) already exists.");
}
