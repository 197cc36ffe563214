using Npgsql;
using Steward.Storage.Ledger;

namespace Steward.Storage.Sql;

/// <summary>
/// PostgreSQL through two pooled <see cref="NpgsqlDataSource"/>s, one for reads and one for
/// writes, which differ in how statements are planned. Several Steward servers may share the
/// database: writes take row locks where an operation reads before it writes, and
/// transactions that lose a deadlock or serialization race are retried.
/// </summary>
internal sealed class PostgresDatabase : SqlDatabase
{
    private const int MaxAttempts = 5;

    private const int FirstAnalyzeAfter = 2_000;
    private const int MaxAnalyzeInterval = 400_000;

    /// <summary>The tables run searches join, whose statistics the store keeps fresh.</summary>
    private static readonly string[] AnalyzedTables = ["runs", "latest_metrics", "params", "tags"];

    private readonly NpgsqlDataSource _reads;
    private readonly NpgsqlDataSource _writes;
    private readonly CancellationTokenSource _closing = new();
    private int _writesSinceAnalyze;
    private int _analyzeAfter = FirstAnalyzeAfter;
    private int _analyzing;

    private readonly string _listenConnectionString;

    private PostgresDatabase(NpgsqlDataSource reads, NpgsqlDataSource writes, string listenConnectionString, string description, ILedgerAppender ledger, TimeProvider time)
        : base(ledger, time)
    {
        _reads = reads;
        _writes = writes;
        _listenConnectionString = listenConnectionString;
        Description = description;
    }

    public override SqlDialect Dialect => PostgresDialect.Instance;

    public override string Description { get; }

    /// <param name="connectionString">The database.</param>
    /// <param name="ledger">What writes append their ledger entries with.</param>
    /// <param name="time">The clock stores stamp rows with.</param>
    public static PostgresDatabase Open(string connectionString, ILedgerAppender ledger, TimeProvider time)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Multiplexing would interleave transactions' commands; pooling is what we want.
        builder.Multiplexing = false;
        // The stores repeat a small set of statements; preparing them saves a parse per call.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        // Steward changes no session state beyond the startup options, so the reset a pooled
        // connection otherwise runs on every return (one more round trip) is not needed.
        builder.NoResetOnClose = true;
        var description = $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}";
        // Writes are key lookups and inserts whose plan never depends on the values: prepared
        // once, they keep their generic plan (so do the foreign-key checks' internal queries),
        // where planning each execution cost a sixth of the database's time for a log-batch.
        var writes = NpgsqlDataSource.Create(builder.ConnectionString);
        // Searches must be planned with their values: a generic plan for "sort by metric,
        // LIMIT n" sorts every run instead of walking the index (measured 48 ms against 18).
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_custom_plan".Trim();
        var reads = NpgsqlDataSource.Create(builder.ConnectionString);
        // Listening holds a connection for the server's lifetime: one of its own, outside the
        // pools, with keepalives so that a dead connection ends the wait with an error.
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        return new PostgresDatabase(reads, writes, listen, description, ledger, time);
    }

    protected override async Task<T> ReadOnConnectionAsync<T>(Func<SqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await _reads.OpenConnectionAsync(cancellationToken);
        return await read(new SqlSession(connection, null, Dialect, cancellationToken));
    }

    protected override async Task<T> TransactionAsync<T>(Func<SqlSession, Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await _writes.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var session = new SqlSession(connection, transaction, Dialect, cancellationToken);
                var result = await write(session);
                if (!session.Committed) await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException e) when (attempt < MaxAttempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await transaction.RollbackAsync(cancellationToken);
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    public override async Task ListenAsync(string channel, Action<string> heard, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_listenConnectionString);
        await connection.OpenAsync(cancellationToken);
        connection.Notification += (_, e) => heard(e.Payload);
        await using (var command = new NpgsqlCommand($"LISTEN {channel}", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        while (!cancellationToken.IsCancellationRequested) await connection.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Analyzes the tables searches join once enough of their rows were written since the last
    /// time (2,000, then doubling). Without fresh statistics PostgreSQL estimates one row per
    /// table after a bulk load and picks nested loops that take seconds; autovacuum catches up
    /// only a minute or more later. Rows rather than runs are counted: runs are usually
    /// created before their metrics and params arrive, and statistics taken in between
    /// describe empty latest_metrics and params tables.
    /// </summary>
    public override void NoteSearchRowsWritten(int count)
    {
        if (Interlocked.Add(ref _writesSinceAnalyze, count) < Volatile.Read(ref _analyzeAfter)) return;
        if (!AnalyzeInBackground(onlyIfNeverAnalyzed: false)) return;
        Interlocked.Exchange(ref _writesSinceAnalyze, 0);
        _analyzeAfter = Math.Min(_analyzeAfter * 2, MaxAnalyzeInterval);
    }

    /// <summary>
    /// Analyzes the same tables at start-up if they have never been (a restored or bulk-loaded
    /// database): with no statistics at all the planner takes every table for a handful of
    /// rows, and no shape of the search SQL keeps it from poor plans then.
    /// </summary>
    public override void NoteOpened() => AnalyzeInBackground(onlyIfNeverAnalyzed: true);

    /// <summary>Starts an ANALYZE unless one is under way; false if one was.</summary>
    private bool AnalyzeInBackground(bool onlyIfNeverAnalyzed)
    {
        if (Interlocked.CompareExchange(ref _analyzing, 1, 0) != 0) return false;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = await _writes.OpenConnectionAsync(_closing.Token);
                if (onlyIfNeverAnalyzed)
                {
                    await using var check = new NpgsqlCommand(
                        "SELECT count(*) FROM pg_stat_user_tables WHERE relid IN (" + string.Join(", ", AnalyzedTables.Select(t => $"'{t}'::regclass")) +
                        ") AND last_analyze IS NULL AND last_autoanalyze IS NULL",
                        connection);
                    if ((long)(await check.ExecuteScalarAsync(_closing.Token))! == 0) return;
                }

                await using var command = new NpgsqlCommand($"ANALYZE {string.Join(", ", AnalyzedTables)}", connection);
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
        return true;
    }

    public override async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _reads.DisposeAsync();
        await _writes.DisposeAsync();
        _closing.Dispose();
    }
}
