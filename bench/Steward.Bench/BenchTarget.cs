using Npgsql;
using Steward.Server;
using Steward.Storage;

namespace Steward.Bench;

/// <summary>A Steward server started for the benchmark, with its own empty storage.</summary>
internal sealed class BenchTarget : IAsyncDisposable
{
    private static int _databases;

    private readonly StewardServer _server;
    private readonly string _dataDirectory;
    private readonly Func<Task> _dropDatabase;

    private BenchTarget(StewardServer server, string dataDirectory, string description, Func<Task> dropDatabase)
    {
        _server = server;
        _dataDirectory = dataDirectory;
        _dropDatabase = dropDatabase;
        Description = description;
        Client = new HttpClient { BaseAddress = server.Address };
    }

    public HttpClient Client { get; }

    public string Description { get; }

    /// <param name="options">The benchmark's settings (which database).</param>
    /// <param name="withoutLedger">Storage that appends no ledger entries, to measure what the ledger costs.</param>
    public static async Task<BenchTarget> StartAsync(BenchOptions options, bool withoutLedger = false)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("steward-bench-").FullName;
        string? database = null;
        Func<Task> drop = () => Task.CompletedTask;
        if (options.Postgres is not null)
        {
            var name = $"steward_bench_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
            await using (var admin = new NpgsqlConnection(options.Postgres))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }

            database = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = name }.ConnectionString;
            drop = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(options.Postgres);
                await admin.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await command.ExecuteNonQueryAsync();
            };
        }

        var serverOptions = new StewardServerOptions { Port = 0, DataDirectory = dataDirectory, Database = database };
        var server = withoutLedger
            ? await StewardServer.StartWithStorageAsync(
                serverOptions,
                await StewardStorage.OpenAsync(new StorageOptions { DataDirectory = dataDirectory, PostgresConnectionString = database, WithoutLedger = true }, CancellationToken.None),
                CancellationToken.None)
            : await StewardServer.StartAsync(serverOptions, CancellationToken.None);
        return new BenchTarget(server, dataDirectory, server.StorageDescription, drop);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        await _dropDatabase();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
