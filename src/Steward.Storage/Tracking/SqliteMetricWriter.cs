using Microsoft.Data.Sqlite;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

/// <summary>
/// One prepared statement per batch, re-bound and re-run for each point: in-process SQLite
/// makes that cheaper than building a statement with thousands of parameters.
/// </summary>
internal sealed class SqliteMetricWriter : IMetricWriter
{
    public Task InsertAsync(SqlSession session, string runId, IReadOnlyList<Metric> points) =>
        RunForEachAsync(session, "Tracking.insert_metric", runId, points);

    public Task UpsertLatestAsync(SqlSession session, string runId, IReadOnlyList<Metric> latest) =>
        RunForEachAsync(session, "Tracking.upsert_latest_metric", runId, latest);

    private static Task RunForEachAsync(SqlSession session, string sqlName, string runId, IReadOnlyList<Metric> points)
    {
        using var command = (SqliteCommand)session.Connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)session.Transaction;
        command.CommandText = SqlText.Get(session.Dialect, sqlName);
        command.Parameters.AddWithValue("@run", runId);
        var key = command.Parameters.Add("@key", SqliteType.Text);
        var value = command.Parameters.Add("@value", SqliteType.Real);
        var timestamp = command.Parameters.Add("@timestamp", SqliteType.Integer);
        var step = command.Parameters.Add("@step", SqliteType.Integer);
        var isNan = command.Parameters.Add("@is_nan", SqliteType.Integer);
        command.Prepare();
        foreach (var point in points)
        {
            session.CancellationToken.ThrowIfCancellationRequested();
            var nan = double.IsNaN(point.Value);
            key.Value = point.Key;
            value.Value = nan ? 0.0 : point.Value;
            timestamp.Value = point.Timestamp;
            step.Value = point.Step;
            isNan.Value = nan ? 1L : 0L;
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }
}
