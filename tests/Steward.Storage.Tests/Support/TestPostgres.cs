using Npgsql;

namespace Steward.Storage.Tests.Support;

/// <summary>The PostgreSQL server the tests run against, named by <c>STEWARD_TEST_POSTGRES</c>.</summary>
public static class TestPostgres
{
    public const string Variable = "STEWARD_TEST_POSTGRES";

    /// <summary>The maintenance connection string; fails (never skips) when it is not set.</summary>
    public static string MaintenanceConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL contract tests cannot run. Run ./scripts/test.sh, which starts a throwaway PostgreSQL server and sets it.");

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(MaintenanceConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(MaintenanceConnectionString) { Database = name }.ToString();
    }

    public static async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(MaintenanceConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
