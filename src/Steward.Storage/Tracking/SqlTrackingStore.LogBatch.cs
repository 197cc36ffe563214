using System.Text;
using Dapper;
using Steward.Audit;
using Steward.Errors;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

internal sealed partial class SqlTrackingStore
{
    public async Task LogBatchAsync(AuditedChange change, string runId, RunBatch batch, CancellationToken cancellationToken)
    {
        var latest = batch.Metrics.Count > 0 ? LatestPerKey(batch.Metrics) : [];
        await database.WriteAsync(change, async session =>
        {
            var run = await RequireActiveRunAsync(session, runId);
            // Params first: a changed value rejects the batch before anything else is written,
            // and the rollback undoes whatever was.
            if (batch.Params.Count > 0) await LogParamsAsync(session, run, batch.Params);
            if (batch.Tags.Count > 0)
            {
                var tags = batch.Tags.GroupBy(t => t.Key).Select(g => g.Last()).ToList();
                await UpsertRunTagsAsync(session, run.RunKey, tags);
                if (tags.FirstOrDefault(t => t.Key == RunNameTag) is { } nameTag)
                {
                    await session.ExecuteAsync("UPDATE runs SET name = @Value WHERE run_key = @RunKey", new { run.RunKey, nameTag.Value });
                }
            }

            if (batch.Metrics.Count > 0) await metricWriter.WriteAsync(session, run.RunKey, batch.Metrics, latest);
        }, cancellationToken);
        database.NoteSearchRowsWritten(batch.Params.Count + batch.Tags.Count + latest.Count);
    }

    /// <summary>The latest point of each key within a batch: the only candidates for latest_metrics.</summary>
    internal static List<Metric> LatestPerKey(IReadOnlyList<Metric> metrics)
    {
        var latest = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            if (!latest.TryGetValue(metric.Key, out var current) || metric.IsLaterThan(current)) latest[metric.Key] = metric;
        }

        return latest.Values.ToList();
    }

    /// <summary>
    /// One round trip: the stored values of the batch's keys, read before anything is written,
    /// then the insert of every param with ON CONFLICT DO NOTHING. A changed value throws, and
    /// the rollback undoes the insert.
    /// </summary>
    private async Task LogParamsAsync(SqlSession session, RunRow run, IReadOnlyList<Param> parameters)
    {
        var unique = parameters.DistinctBy(p => p.Key).ToList();
        var (insert, args) = KeyValuesInsert("params", "run_key", run.RunKey, unique.Select(p => (p.Key, p.Value)).ToList(), upsert: false);
        args.Add("keys", session.Dialect.ListValue(unique.Select(p => p.Key).ToArray()));
        Dictionary<string, string> existing;
        using (var grid = await session.QueryMultipleAsync($"{Sql("stored_params")};\n{insert}", args))
        {
            existing = (await grid.ReadAsync<RunKeyValueRow>()).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        foreach (var param in unique)
        {
            if (existing.TryGetValue(param.Key, out var stored) && stored != param.Value)
            {
                throw StewardException.Invalid(
                    $"Changing param values is not allowed. Param with key='{param.Key}' was already logged with value='{stored}' for run ID='{run.RunUuid}'. Attempted logging new value '{param.Value}'.");
            }
        }
    }

    private static Task UpsertRunTagsAsync(SqlSession session, long runKey, IReadOnlyList<Tag> tags) =>
        InsertKeyValuesAsync(session, "tags", "run_key", runKey, tags.Select(t => (t.Key, t.Value)).ToList(), upsert: true);

    /// <summary>
    /// Writes key/value rows of one owner with a single multi-row INSERT (one round trip on
    /// PostgreSQL). Keys must be distinct. Table and column names are constants of the caller.
    /// </summary>
    internal static Task InsertKeyValuesAsync(SqlSession session, string table, string ownerColumn, object ownerId, IReadOnlyList<(string Key, string Value)> rows, bool upsert)
    {
        if (rows.Count == 0) return Task.CompletedTask;
        var (sql, args) = KeyValuesInsert(table, ownerColumn, ownerId, rows, upsert);
        return session.ExecuteAsync(sql, args);
    }

    /// <summary>The multi-row INSERT of <see cref="InsertKeyValuesAsync"/>, the owner bound as <c>@owner</c>; rows must not be empty.</summary>
    private static (string Sql, DynamicParameters Args) KeyValuesInsert(string table, string ownerColumn, object ownerId, IReadOnlyList<(string Key, string Value)> rows, bool upsert)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({ownerColumn}, key, value) VALUES ");
        var args = new DynamicParameters();
        args.Add("owner", ownerId);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0) sql.Append(", ");
            sql.Append($"(@owner, @k{i}x, @v{i}x)");
            args.Add($"k{i}x", rows[i].Key);
            args.Add($"v{i}x", rows[i].Value);
        }

        sql.Append(upsert
            ? $" ON CONFLICT ({ownerColumn}, key) DO UPDATE SET value = excluded.value"
            : " ON CONFLICT DO NOTHING");
        return (sql.ToString(), args);
    }
}
