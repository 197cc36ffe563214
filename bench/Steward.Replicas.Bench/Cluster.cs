using Npgsql;
using Steward.Server;
using Steward.Storage;

namespace Steward.Replicas.Bench;

/// <summary>Servers on one fresh PostgreSQL database, each its own data folder, one ledger key.</summary>
internal sealed class Cluster : IAsyncDisposable
{
    private static int _databases;

    private readonly string _maintenance;
    private readonly string _name;

    private Cluster(string maintenance, string name, string connectionString, string root, IReadOnlyList<StewardServer> servers)
    {
        _maintenance = maintenance;
        _name = name;
        ConnectionString = connectionString;
        Root = root;
        Servers = servers;
    }

    public string ConnectionString { get; }

    public string Root { get; }

    public IReadOnlyList<StewardServer> Servers { get; }

    public static async Task<Cluster> StartAsync(string maintenance, int replicas)
    {
        var name = $"steward_replicas_bench_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var admin = new NpgsqlConnection(maintenance))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(maintenance) { Database = name }.ConnectionString;
        var root = Directory.CreateTempSubdirectory("steward-replicas-bench-").FullName;
        var servers = new List<StewardServer>();
        for (var i = 0; i < replicas; i++)
        {
            servers.Add(await StewardServer.StartAsync(new StewardServerOptions
            {
                Port = 0,
                DataDirectory = Path.Combine(root, $"replica-{i}"),
                Database = connectionString,
                LedgerKeyPath = Path.Combine(root, "ledger-key.pem"),
                ArtifactDirectory = Path.Combine(root, "artifacts"),
            }, CancellationToken.None));
        }

        return new Cluster(maintenance, name, connectionString, root, servers);
    }

    /// <summary>Opens the stores directly (no server), as the ledger append measurement needs.</summary>
    public Task<StewardStorage> OpenStorageAsync() =>
        StewardStorage.OpenAsync(new StorageOptions { DataDirectory = Path.Combine(Root, "direct"), PostgresConnectionString = ConnectionString }, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers) await server.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(_maintenance))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(Root, recursive: true);
    }
}
