using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Steward.Storage.Tests.Support;

/// <summary>SQL run straight against a fixture's database, around the stores: to read what they stored, or to set up old schemas.</summary>
public static class RawSql
{
    public static DbConnection Connect(StorageOptions options) =>
        options.PostgresConnectionString is { } postgres
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={Path.Combine(options.DataDirectory, "steward.db")};Pooling=false");

    /// <summary>Every row of a query, each as column name → value (DBNull as null).</summary>
    public static async Task<List<Dictionary<string, object?>>> QueryAsync(StorageOptions options, string sql)
    {
        await using var connection = Connect(options);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    public static async Task ExecuteAsync(StorageOptions options, string sql)
    {
        await using var connection = Connect(options);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
