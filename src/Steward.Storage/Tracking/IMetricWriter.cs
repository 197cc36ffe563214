using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

/// <summary>
/// The hot path of metric logging, the one place where SQLite and PostgreSQL want different
/// code rather than different SQL: SQLite re-executes one prepared statement in-process,
/// PostgreSQL ships the batch as arrays in as few round trips as it can.
/// </summary>
internal interface IMetricWriter
{
    /// <summary>
    /// Inserts points, skipping any identical to one already stored, and raises latest_metrics
    /// to <paramref name="latest"/> (one point per key) where it is later than what is stored.
    /// The caller holds the run's row lock, so no other transaction writes points of this run
    /// meanwhile.
    /// </summary>
    Task WriteAsync(SqlSession session, long runKey, IReadOnlyList<Metric> points, IReadOnlyList<Metric> latest);
}
