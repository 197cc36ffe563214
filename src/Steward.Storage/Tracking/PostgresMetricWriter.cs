using Npgsql;
using NpgsqlTypes;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

/// <summary>
/// The whole batch as five array parameters unnested by one statement: one round trip and
/// one plan however many points there are.
/// </summary>
internal sealed class PostgresMetricWriter : IMetricWriter
{
    public Task InsertAsync(SqlSession session, string runId, IReadOnlyList<Metric> points) =>
        RunAsync(session, "Tracking.insert_metric", runId, Distinct(points));

    public Task UpsertLatestAsync(SqlSession session, string runId, IReadOnlyList<Metric> latest) =>
        RunAsync(session, "Tracking.upsert_latest_metric", runId, latest);

    /// <summary>The batch without repeated points (NaN equal to NaN), as the insert expects.</summary>
    private static IReadOnlyList<Metric> Distinct(IReadOnlyList<Metric> points)
    {
        var seen = new HashSet<(string, double, long, long, bool)>(points.Count);
        var distinct = new List<Metric>(points.Count);
        foreach (var point in points)
        {
            var nan = double.IsNaN(point.Value);
            if (seen.Add((point.Key, nan ? 0.0 : point.Value, point.Timestamp, point.Step, nan))) distinct.Add(point);
        }

        return distinct.Count == points.Count ? points : distinct;
    }

    private static async Task RunAsync(SqlSession session, string sqlName, string runId, IReadOnlyList<Metric> points)
    {
        var count = points.Count;
        var keys = new string[count];
        var values = new double[count];
        var timestamps = new long[count];
        var steps = new long[count];
        var nans = new int[count];
        for (var i = 0; i < count; i++)
        {
            var point = points[i];
            var nan = double.IsNaN(point.Value);
            keys[i] = point.Key;
            values[i] = nan ? 0.0 : point.Value;
            timestamps[i] = point.Timestamp;
            steps[i] = point.Step;
            nans[i] = nan ? 1 : 0;
        }

        await using var command = new NpgsqlCommand(SqlText.Get(session.Dialect, sqlName), (NpgsqlConnection)session.Connection, (NpgsqlTransaction?)session.Transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("run", NpgsqlDbType.Text) { TypedValue = runId });
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<double[]>("values", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = values });
        command.Parameters.Add(new NpgsqlParameter<long[]>("timestamps", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = timestamps });
        command.Parameters.Add(new NpgsqlParameter<long[]>("steps", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = steps });
        command.Parameters.Add(new NpgsqlParameter<int[]>("nans", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = nans });
        await command.ExecuteNonQueryAsync(session.CancellationToken);
    }
}
