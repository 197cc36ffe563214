using Npgsql;

namespace Steward.Storage.Sql;

/// <summary>
/// PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>. Several Steward servers may
/// share the database: writes take row locks where an operation reads before it writes, and
/// transactions that lose a deadlock or serialization race are retried.
/// </summary>
internal sealed class PostgresDatabase : SqlDatabase
{
    private const int MaxAttempts = 5;

    private const int FirstAnalyzeAfter = 200;
    private const int MaxAnalyzeInterval = 20_000;

    private readonly NpgsqlDataSource _source;
    private readonly CancellationTokenSource _closing = new();
    private int _runsSinceAnalyze;
    private int _analyzeAfter = FirstAnalyzeAfter;
    private int _analyzing;

    private PostgresDatabase(NpgsqlDataSource source, string description)
    {
        _source = source;
        Description = description;
    }

    public override SqlDialect Dialect => PostgresDialect.Instance;

    public override string Description { get; }

    public static PostgresDatabase Open(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Multiplexing would interleave transactions' commands; pooling is what we want.
        builder.Multiplexing = false;
        // The stores repeat a small set of statements; preparing them saves a parse per call.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        // Searches must be planned with their values: a generic plan for "sort by metric,
        // LIMIT n" sorts every run instead of walking the index (measured 48 ms against 18).
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_custom_plan".Trim();
        // Steward changes no session state beyond these startup options, so the reset a
        // pooled connection otherwise runs on every return (one more round trip) is not needed.
        builder.NoResetOnClose = true;
        var description = $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}";
        return new PostgresDatabase(NpgsqlDataSource.Create(builder), description);
    }

    public override async Task<T> ReadAsync<T>(Func<SqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await read(new SqlSession(connection, null, Dialect, cancellationToken));
    }

    protected override async Task<T> TransactionAsync<T>(Func<SqlSession, Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await write(new SqlSession(connection, transaction, Dialect, cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException e) when (attempt < MaxAttempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await transaction.RollbackAsync(cancellationToken);
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Analyzes the tables searches join once enough runs were created since the last time
    /// (200, then doubling). Without fresh statistics PostgreSQL estimates one row per table
    /// after a bulk load and picks nested loops that take seconds; autovacuum catches up only
    /// a minute or more later.
    /// </summary>
    public override void NoteRunsCreated(int count)
    {
        if (Interlocked.Add(ref _runsSinceAnalyze, count) < Volatile.Read(ref _analyzeAfter)) return;
        if (Interlocked.CompareExchange(ref _analyzing, 1, 0) != 0) return;
        Interlocked.Exchange(ref _runsSinceAnalyze, 0);
        _analyzeAfter = Math.Min(_analyzeAfter * 2, MaxAnalyzeInterval);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(_closing.Token);
                await using var command = new NpgsqlCommand("ANALYZE runs, latest_metrics, params, tags", connection);
                await command.ExecuteNonQueryAsync(_closing.Token);
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or ObjectDisposedException)
            {
                // Statistics are an optimization; autovacuum will analyze later anyway.
            }
            finally
            {
                Volatile.Write(ref _analyzing, 0);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _source.DisposeAsync();
        _closing.Dispose();
    }
}
