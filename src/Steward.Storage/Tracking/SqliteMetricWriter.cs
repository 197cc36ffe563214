using Microsoft.Data.Sqlite;
using SQLitePCL;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

/// <summary>
/// One statement prepared per batch and stepped once per point through SQLite's C API, on the
/// writer connection and inside its open transaction. Going below ADO.NET here removes the
/// per-execution overhead that otherwise costs more than SQLite's own work for a point.
/// </summary>
internal sealed class SqliteMetricWriter : IMetricWriter
{
    public Task WriteAsync(SqlSession session, long runKey, IReadOnlyList<Metric> points, IReadOnlyList<Metric> latest)
    {
        StepForEach(session, "Tracking.insert_metric", runKey, points);
        StepForEach(session, "Tracking.upsert_latest_metric", runKey, latest);
        return Task.CompletedTask;
    }

    private static void StepForEach(SqlSession session, string sqlName, long runKey, IReadOnlyList<Metric> points)
    {
        var db = ((SqliteConnection)session.Connection).Handle
            ?? throw new InvalidOperationException("The SQLite writer connection is not open.");
        Check(raw.sqlite3_prepare_v2(db, SqlText.Get(session.Dialect, sqlName), out var statement), db);
        using (statement)
        {
            var run = raw.sqlite3_bind_parameter_index(statement, "@run");
            var key = raw.sqlite3_bind_parameter_index(statement, "@key");
            var value = raw.sqlite3_bind_parameter_index(statement, "@value");
            var timestamp = raw.sqlite3_bind_parameter_index(statement, "@timestamp");
            var step = raw.sqlite3_bind_parameter_index(statement, "@step");
            var isNan = raw.sqlite3_bind_parameter_index(statement, "@is_nan");
            // Bindings survive sqlite3_reset, so the run is bound once.
            Check(raw.sqlite3_bind_int64(statement, run, runKey), db);
            foreach (var point in points)
            {
                session.CancellationToken.ThrowIfCancellationRequested();
                var nan = double.IsNaN(point.Value);
                Check(raw.sqlite3_bind_text(statement, key, point.Key), db);
                Check(raw.sqlite3_bind_double(statement, value, nan ? 0.0 : point.Value), db);
                Check(raw.sqlite3_bind_int64(statement, timestamp, point.Timestamp), db);
                Check(raw.sqlite3_bind_int64(statement, step, point.Step), db);
                Check(raw.sqlite3_bind_int(statement, isNan, nan ? 1 : 0), db);
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
                raw.sqlite3_reset(statement);
            }
        }
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }
}
