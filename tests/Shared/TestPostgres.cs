using Npgsql;

namespace Steward.Tests.Support;

/// <summary>
/// Fresh databases on the PostgreSQL server named by <c>STEWARD_TEST_POSTGRES</c> (scripts/test.sh
/// starts one). PostgreSQL tests fail rather than skip when the variable is missing, so CI can
/// never pass without PostgreSQL. Shared by every test project (linked, not referenced).
/// </summary>
public static class TestPostgres
{
    public const string Variable = "STEWARD_TEST_POSTGRES";

    /// <summary>The maintenance connection string; throws when the variable is not set.</summary>
    public static string Maintenance =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set, so the PostgreSQL tests cannot run. Run ./scripts/test.sh, which starts a throwaway PostgreSQL server and sets it.");

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(Maintenance))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Maintenance) { Database = name }.ToString();
    }

    public static async Task DropDatabaseAsync(string name)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 }) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Maintenance);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
