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

    private readonly NpgsqlDataSource _source;

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
        var description = $"PostgreSQL at {builder.Host}:{builder.Port}/{builder.Database}";
        return new PostgresDatabase(NpgsqlDataSource.Create(builder), description);
    }

    public override async Task<T> ReadAsync<T>(Func<SqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await read(new SqlSession(connection, null, Dialect, cancellationToken));
    }

    public override async Task<T> WriteAsync<T>(Func<SqlSession, Task<T>> write, CancellationToken cancellationToken)
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

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
