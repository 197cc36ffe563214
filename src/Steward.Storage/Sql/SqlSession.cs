using System.Data.Common;
using Dapper;

namespace Steward.Storage.Sql;

/// <summary>
/// One connection (and, for writes, its transaction) lent to a store operation, with Dapper
/// calls that always carry the transaction and the cancellation token.
/// </summary>
internal sealed class SqlSession(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, CancellationToken cancellationToken)
{
    public DbConnection Connection => connection;

    public DbTransaction? Transaction => transaction;

    public SqlDialect Dialect => dialect;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>
    /// Set when the write's last statement batch also committed its transaction (the ledger
    /// append on PostgreSQL sends COMMIT with it), so the database must not commit it again.
    /// </summary>
    public bool Committed { get; set; }

    /// <summary>
    /// True for the transaction of a unit (<see cref="SqlDatabase.UnitAsync{T}"/>), which goes on
    /// after each write's ledger append: the unit, not the append, commits it.
    /// </summary>
    public bool InUnit { get; init; }

    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null) =>
        (await connection.QueryAsync<T>(Command(sql, args))).AsList();

    public Task<T?> FirstOrDefaultAsync<T>(string sql, object? args = null) =>
        connection.QueryFirstOrDefaultAsync<T>(Command(sql, args));

    public Task<T?> ScalarAsync<T>(string sql, object? args = null) =>
        connection.ExecuteScalarAsync<T>(Command(sql, args));

    public Task<int> ExecuteAsync(string sql, object? args = null) =>
        connection.ExecuteAsync(Command(sql, args));

    /// <summary>A reader over the rows, for bulk reads that map columns by position rather than by name.</summary>
    public Task<DbDataReader> ReaderAsync(string sql, object? args = null) =>
        connection.ExecuteReaderAsync(Command(sql, args));

    public Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? args = null) =>
        connection.QueryMultipleAsync(Command(sql, args));

    private CommandDefinition Command(string sql, object? args) =>
        new(sql, args, transaction, cancellationToken: cancellationToken);
}
