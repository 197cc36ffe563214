using System.Runtime.ExceptionServices;
using Steward.Audit;
using Steward.Errors;

namespace Steward.Storage.Sql;

/// <summary>
/// Units: several reads and writes in one transaction, for an operation whose decision must
/// hold when its write commits (a gate's evaluation and the stage change it allows). Inside a
/// unit every read and write of this database on the same async flow uses the unit's
/// transaction; each write runs under a savepoint, so one that fails leaves the rest intact, and
/// their ledger entries are appended together when the unit ends.
/// </summary>
internal abstract partial class SqlDatabase
{
    private static readonly AsyncLocal<Unit?> Ambient = new();

    private Unit? CurrentUnit => Ambient.Value is { } unit && unit.Database == this ? unit : null;

    /// <summary>
    /// Runs <paramref name="operation"/> in one transaction that first takes the locks
    /// <paramref name="takeLocks"/> takes (on PostgreSQL; SQLite's one writer is lock enough). Commits when it returns, and also
    /// when it throws a <see cref="StewardException"/> — a refusal, whose ledger entry (the
    /// denied gate evaluation) must stand; the writes before it completed whole, under their
    /// savepoints. Rolls back on any other exception. Nested units join the outer one.
    /// </summary>
    public async Task<T> UnitAsync<T>(Func<SqlSession, Task> takeLocks, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        if (CurrentUnit is { } outer)
        {
            await outer.RunAsync(takeLocks);
            return await operation();
        }

        ExceptionDispatchInfo? refusal = null;
        var result = await TransactionAsync(async session =>
        {
            refusal = null;
            var unit = new Unit(this, new SqlSession(session.Connection, session.Transaction, session.Dialect, cancellationToken) { InUnit = true });
            Ambient.Value = unit;
            T outcome = default!;
            try
            {
                await takeLocks(unit.Session);
                outcome = await operation();
            }
            catch (StewardException e)
            {
                refusal = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                Ambient.Value = null;
            }

            // One append for the unit's entries, with the COMMIT: the ledger's lock is held for
            // that statement only, as for a single write.
            if (unit.Entries.Count > 0) await Ledger.AppendAsync(session, unit.Entries, commit: true);
            return outcome;
        }, cancellationToken);
        refusal?.Throw();
        return result;
    }

    /// <summary>A write in its own transaction, or under a savepoint of the current unit's.</summary>
    private Task<T> OwnTransactionAsync<T>(Func<SqlSession, Task<T>> write, CancellationToken cancellationToken) =>
        CurrentUnit is { } unit ? unit.WriteAsync(write) : TransactionAsync(write, cancellationToken);

    /// <summary>The transaction of a unit, lent to one statement sequence at a time.</summary>
    private sealed class Unit(SqlDatabase database, SqlSession session)
    {
        private readonly SemaphoreSlim _turn = new(1, 1);
        private int _savepoints;

        /// <summary>The ledger entries of the unit's writes, appended when it ends.</summary>
        public List<NewAuditEntry> Entries { get; } = [];

        public SqlDatabase Database => database;

        public SqlSession Session => session;

        public async Task<T> RunAsync<T>(Func<SqlSession, Task<T>> work)
        {
            await _turn.WaitAsync(session.CancellationToken);
            try
            {
                return await work(session);
            }
            finally
            {
                _turn.Release();
            }
        }

        public Task RunAsync(Func<SqlSession, Task> work) => RunAsync(async s =>
        {
            await work(s);
            return true;
        });

        public Task<T> WriteAsync<T>(Func<SqlSession, Task<T>> write) => RunAsync(async s =>
        {
            var savepoint = $"unit_write_{++_savepoints}";
            await s.Transaction!.SaveAsync(savepoint, s.CancellationToken);
            try
            {
                var result = await write(s);
                await s.Transaction.ReleaseAsync(savepoint, s.CancellationToken);
                return result;
            }
            catch
            {
                await s.Transaction.RollbackAsync(savepoint, s.CancellationToken);
                throw;
            }
        });
    }
}
