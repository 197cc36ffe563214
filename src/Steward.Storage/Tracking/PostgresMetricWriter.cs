using Npgsql;
using NpgsqlTypes;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

/// <summary>
/// The whole batch as array parameters unnested by one statement: one round trip and one plan
/// however many points there are. metrics stores NaN as NaN; latest_metrics as 0 with is_nan.
/// </summary>
internal sealed class PostgresMetricWriter : IMetricWriter
{
    public async Task InsertAsync(SqlSession session, long runKey, IReadOnlyList<Metric> points)
    {
        points = Distinct(points);
        await using var command = Command(session, "Tracking.insert_metric", runKey);
        AddPoints(command, points, nanAsFlag: false);
        await command.ExecuteNonQueryAsync(session.CancellationToken);
    }

    public async Task UpsertLatestAsync(SqlSession session, long runKey, IReadOnlyList<Metric> latest)
    {
        await using var command = Command(session, "Tracking.upsert_latest_metric", runKey);
        AddPoints(command, latest, nanAsFlag: true);
        await command.ExecuteNonQueryAsync(session.CancellationToken);
    }

    /// <summary>The batch without repeated points (NaN equal to NaN, as double.Equals has it).</summary>
    private static IReadOnlyList<Metric> Distinct(IReadOnlyList<Metric> points)
    {
        var seen = new HashSet<(string, long, long, double)>(points.Count);
        var distinct = new List<Metric>(points.Count);
        foreach (var point in points)
        {
            if (seen.Add((point.Key, point.Step, point.Timestamp, point.Value))) distinct.Add(point);
        }

        return distinct.Count == points.Count ? points : distinct;
    }

    private static NpgsqlCommand Command(SqlSession session, string sqlName, long runKey)
    {
        var command = new NpgsqlCommand(SqlText.Get(session.Dialect, sqlName), (NpgsqlConnection)session.Connection, (NpgsqlTransaction?)session.Transaction);
        command.Parameters.Add(new NpgsqlParameter<long>("run", NpgsqlDbType.Bigint) { TypedValue = runKey });
        return command;
    }

    /// <summary>keys, values, timestamps, steps and, with <paramref name="nanAsFlag"/>, NaN as 0 plus a nans array.</summary>
    private static void AddPoints(NpgsqlCommand command, IReadOnlyList<Metric> points, bool nanAsFlag)
    {
        var count = points.Count;
        var keys = new string[count];
        var values = new double[count];
        var timestamps = new long[count];
        var steps = new long[count];
        var nans = nanAsFlag ? new int[count] : null;
        for (var i = 0; i < count; i++)
        {
            var point = points[i];
            keys[i] = point.Key;
            values[i] = point.Value;
            timestamps[i] = point.Timestamp;
            steps[i] = point.Step;
            if (nans is not null && double.IsNaN(point.Value))
            {
                values[i] = 0.0;
                nans[i] = 1;
            }
        }

        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<double[]>("values", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = values });
        command.Parameters.Add(new NpgsqlParameter<long[]>("timestamps", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = timestamps });
        command.Parameters.Add(new NpgsqlParameter<long[]>("steps", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = steps });
        if (nans is not null) command.Parameters.Add(new NpgsqlParameter<int[]>("nans", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = nans });
    }
}
