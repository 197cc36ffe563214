using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

/// <summary>
/// The hot path of metric logging, the one place where SQLite and PostgreSQL want different
/// code rather than different SQL: SQLite re-executes one prepared statement in-process,
/// PostgreSQL ships the batch as arrays in a single statement.
/// </summary>
internal interface IMetricWriter
{
    /// <summary>Inserts points, skipping any identical to one already stored.</summary>
    Task InsertAsync(SqlSession session, long runKey, IReadOnlyList<Metric> points);

    /// <summary>Raises latest_metrics to these points (one per key) where they are later than what is stored.</summary>
    Task UpsertLatestAsync(SqlSession session, long runKey, IReadOnlyList<Metric> latest);
}
