using Dapper;

namespace Steward.Storage.Sql;

/// <summary>
/// A metadata database: hands out sessions for reads and one-transaction writes. Each store
/// operation runs entirely inside one call, so the transaction boundary is visible at a glance.
/// </summary>
internal abstract class SqlDatabase : IAsyncDisposable
{
    static SqlDatabase()
    {
        // Row classes use C# names for snake_case columns (run_uuid → RunUuid).
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public abstract SqlDialect Dialect { get; }

    /// <summary>Where the data lives, without secrets.</summary>
    public abstract string Description { get; }

    /// <summary>Runs a read on a connection that sees every committed write.</summary>
    public abstract Task<T> ReadAsync<T>(Func<SqlSession, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>Runs a write in one transaction: committed when the delegate returns, rolled back when it throws.</summary>
    public abstract Task<T> WriteAsync<T>(Func<SqlSession, Task<T>> write, CancellationToken cancellationToken);

    public Task WriteAsync(Func<SqlSession, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(async session =>
        {
            await write(session);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Tells the database how many rows were written to the tables run searches read (runs,
    /// latest metrics, params, tags), so it can keep planner statistics in step with growth.
    /// </summary>
    public virtual void NoteSearchRowsWritten(int count)
    {
    }

    /// <summary>Tells the database that it was opened and migrated, so it can check its planner statistics.</summary>
    public virtual void NoteOpened()
    {
    }

    public abstract ValueTask DisposeAsync();
}
