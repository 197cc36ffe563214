using Dapper;
using Steward.Audit;
using Steward.Storage.Ledger;

namespace Steward.Storage.Sql;

/// <summary>
/// A metadata database: hands out sessions for reads and one-transaction writes. Each store
/// operation runs entirely inside one call, so the transaction boundary is visible at a glance.
/// Every write takes its ledger entry as a parameter (<see cref="AuditedChange"/>) and appends it
/// in the same transaction, just before commit: nothing can change without an entry, and a write
/// that fails takes its entry with it in the rollback.
/// </summary>
internal abstract partial class SqlDatabase(ILedgerAppender ledger, TimeProvider time) : IAsyncDisposable
{
    static SqlDatabase()
    {
        // Row classes use C# names for snake_case columns (run_uuid → RunUuid).
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public abstract SqlDialect Dialect { get; }

    /// <summary>What every write appends its entry with (<see cref="LedgerAppender"/>, or the benchmark's stand-in).</summary>
    public ILedgerAppender Ledger { get; } = ledger;

    /// <summary>The clock stores stamp their rows with (<see cref="StorageOptions.Clock"/>).</summary>
    public TimeProvider Clock { get; } = time;

    /// <summary>Where the data lives, without secrets.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Runs a read on a connection that sees every committed write; inside a unit
    /// (<see cref="UnitAsync{T}"/>), on the unit's transaction, which also sees its own writes.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<SqlSession, Task<T>> read, CancellationToken cancellationToken) =>
        CurrentUnit is { } unit ? unit.RunAsync(read) : ReadOnConnectionAsync(read, cancellationToken);

    /// <summary>Runs a read on a connection of its own.</summary>
    protected abstract Task<T> ReadOnConnectionAsync<T>(Func<SqlSession, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a write in one transaction with <paramref name="change"/>'s ledger entry: committed
    /// when the delegate returns, rolled back (entry and all) when it throws. Inside a unit
    /// (<see cref="UnitAsync{T}"/>) the write runs under a savepoint and its entry is appended
    /// with the unit's.
    /// </summary>
    public Task<T> WriteAsync<T>(AuditedChange change, Func<SqlSession, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (CurrentUnit is { } unit)
        {
            // The unit appends its entries together, as its transaction's last statement.
            return unit.WriteAsync(async session =>
            {
                var result = await write(session);
                if (change.Payload is { } payload) await Ledger.SavePayloadAsync(session, change.PayloadDigest, payload);
                unit.Entries.Add(change.EntryFor(result));
                return result;
            });
        }

        return TransactionAsync(async session =>
        {
            var result = await write(session);
            if (change.Payload is { } payload) await Ledger.SavePayloadAsync(session, change.PayloadDigest, payload);
            await Ledger.AppendAsync(session, [change.EntryFor(result)], commit: true);
            return result;
        }, cancellationToken);
    }

    /// <summary>As <see cref="WriteAsync{T}(AuditedChange, Func{SqlSession, Task{T}}, CancellationToken)"/>, for a write that returns nothing.</summary>
    public Task WriteAsync(AuditedChange change, Func<SqlSession, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(change, async session =>
        {
            await write(session);
            return true;
        }, cancellationToken);

    /// <summary>
    /// A transaction that appends no entry of its own: only for schema migrations and the
    /// ledger's own bookkeeping (signed heads it issued, batches of entries appended together),
    /// which change no audited data.
    /// </summary>
    public Task<T> WriteWithoutEntryAsync<T>(Func<SqlSession, Task<T>> write, CancellationToken cancellationToken) =>
        OwnTransactionAsync(write, cancellationToken);

    /// <summary>Runs a delegate in one transaction: committed when it returns, rolled back when it throws.</summary>
    protected abstract Task<T> TransactionAsync<T>(Func<SqlSession, Task<T>> write, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the database how many rows were written to the tables run searches read (runs,
    /// latest metrics, params, tags), so it can keep planner statistics in step with growth.
    /// </summary>
    public virtual void NoteSearchRowsWritten(int count)
    {
    }

    /// <summary>
    /// Listens on <paramref name="channel"/> until cancelled, calling <paramref name="heard"/> with
    /// the payload of each announcement a committed transaction made there (PostgreSQL's
    /// <c>pg_notify</c>). Returns at once where the database has no such channels (SQLite).
    /// </summary>
    public virtual Task ListenAsync(string channel, Action<string> heard, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Tells the database that it was opened and migrated, so it can check its planner statistics.</summary>
    public virtual void NoteOpened()
    {
    }

    public abstract ValueTask DisposeAsync();
}
