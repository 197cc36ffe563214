using Npgsql;
using Steward.Storage;

namespace Steward.LedgerStore.Bench;

/// <summary>Steward's storage opened for the benchmark on an empty database, removed afterwards.</summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly Func<Task> _dropDatabase;

    private BenchStorage(StewardStorage storage, string dataDirectory, Func<Task> dropDatabase)
    {
        Storage = storage;
        _dataDirectory = dataDirectory;
        _dropDatabase = dropDatabase;
    }

    public StewardStorage Storage { get; }

    public static async Task<BenchStorage> OpenAsync(string? postgres)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("steward-ledger-bench-").FullName;
        string? database = null;
        Func<Task> drop = () => Task.CompletedTask;
        if (postgres is not null)
        {
            var name = $"steward_ledger_bench_{Environment.ProcessId}";
            await ExecuteAsync(postgres, $"CREATE DATABASE {name}");
            database = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
            drop = () =>
            {
                NpgsqlConnection.ClearAllPools();
                return ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            };
        }

        var storage = await StewardStorage.OpenAsync(new StorageOptions { DataDirectory = dataDirectory, PostgresConnectionString = database }, CancellationToken.None);
        return new BenchStorage(storage, dataDirectory, drop);
    }

    public async ValueTask DisposeAsync()
    {
        await Storage.DisposeAsync();
        await _dropDatabase();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
