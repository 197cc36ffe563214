using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Steward.Storage.Ledger;

namespace Steward.Storage.Sql;

/// <summary>
/// SQLite in WAL mode: one writer connection guarded by a semaphore (SQLite allows one writer
/// at a time anyway, and waiting in-process is cheaper than SQLITE_BUSY retries) and a small
/// pool of reader connections that read committed data while a write is under way.
/// </summary>
internal sealed class SqliteDatabase : SqlDatabase
{
    private const int MaxIdleReaders = 8;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private readonly SqliteConnection _writer;

    private SqliteDatabase(string path, string connectionString, SqliteConnection writer, ILedgerAppender ledger, TimeProvider time)
        : base(ledger, time)
    {
        Path = path;
        _connectionString = connectionString;
        _writer = writer;
    }

    public string Path { get; }

    public override SqlDialect Dialect => SqliteDialect.Instance;

    public override string Description => $"SQLite at {Path}";

    /// <param name="path">The database file.</param>
    /// <param name="ledger">What writes append their ledger entries with.</param>
    /// <param name="time">The clock stores stamp rows with.</param>
    /// <param name="readOnly">Open an existing file for reading only (verification): nothing is created or changed.</param>
    public static SqliteDatabase Open(string path, ILedgerAppender ledger, TimeProvider time, bool readOnly = false)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            // Connections are pooled here, where their pragmas are known to be set.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();

        var writer = OpenConnection(connectionString);
        // WAL lets readers proceed during writes; it is a property of the file, set once.
        if (!readOnly)
        {
            using var command = writer.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }

        return new SqliteDatabase(System.IO.Path.GetFullPath(path), connectionString, writer, ledger, time);
    }

    protected override async Task<T> ReadOnConnectionAsync<T>(Func<SqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        if (!_readers.TryTake(out var connection)) connection = OpenConnection(_connectionString);
        try
        {
            var result = await read(new SqlSession(connection, null, Dialect, cancellationToken));
            if (_readers.Count < MaxIdleReaders)
            {
                _readers.Add(connection);
                connection = null;
            }

            return result;
        }
        finally
        {
            connection?.Dispose();
        }
    }

    protected override async Task<T> TransactionAsync<T>(Func<SqlSession, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE: takes the write lock up front, so a second process on the same
            // file waits (busy timeout) instead of failing halfway through.
            using var transaction = _writer.BeginTransaction(deferred: false);
            var result = await write(new SqlSession(_writer, transaction, Dialect, cancellationToken));
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            _writer.Dispose();
            while (_readers.TryTake(out var reader)) reader.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static SqliteConnection OpenConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // synchronous=NORMAL in WAL mode survives a killed process (only an OS crash may lose
        // the last commits); foreign keys are off by default in SQLite and on in PostgreSQL.
        command.CommandText = """
            PRAGMA synchronous=NORMAL;
            PRAGMA foreign_keys=ON;
            PRAGMA temp_store=MEMORY;
            PRAGMA cache_size=-32768;
            PRAGMA mmap_size=268435456;
            """;
        command.ExecuteNonQuery();
        return connection;
    }
}
