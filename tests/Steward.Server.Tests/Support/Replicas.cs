using Microsoft.Extensions.DependencyInjection;
using Steward.Tests.Support;

namespace Steward.Server.Tests.Support;

/// <summary>
/// Servers on one PostgreSQL database as an operator runs replicas behind a load balancer: each
/// its own data folder, all the same ledger key and the same (shared) artifact folder.
/// </summary>
public sealed class Replicas : IAsyncDisposable
{
    private readonly string _database;

    private Replicas(string database, string root, string connectionString, IReadOnlyList<StewardServer> servers)
    {
        _database = database;
        Root = root;
        ConnectionString = connectionString;
        Servers = servers;
    }

    /// <summary>The folder holding every replica's data folder, the key and the artifacts.</summary>
    public string Root { get; }

    public string ConnectionString { get; }

    public string LedgerKeyPath => Path.Combine(Root, "ledger-key.pem");

    public string ArtifactDirectory => Path.Combine(Root, "artifacts");

    public IReadOnlyList<StewardServer> Servers { get; }

    public StewardServer First => Servers[0];

    public StewardServer Second => Servers[1];

    /// <summary>The first server's bootstrap admin token (credentials required).</summary>
    public string AdminToken => First.BootstrapAdmin!.Secret;

    public static async Task<Replicas> StartAsync(int count = 2, Action<IServiceCollection>? services = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "steward-replica-tests", Guid.NewGuid().ToString("N"));
        var database = "steward_replicas_" + Guid.NewGuid().ToString("N");
        var connectionString = await TestPostgres.CreateDatabaseAsync(database);
        var servers = new List<StewardServer>();
        for (var i = 0; i < count; i++)
        {
            servers.Add(await StewardServer.StartAsync(Options(root, connectionString, i), CancellationToken.None, services: services));
        }

        return new Replicas(database, root, connectionString, servers);
    }

    /// <summary>What replica <paramref name="index"/> is started with.</summary>
    public static StewardServerOptions Options(string root, string connectionString, int index) => new()
    {
        Host = "127.0.0.1",
        Port = 0,
        DataDirectory = Path.Combine(root, $"replica-{index}"),
        Database = connectionString,
        RequireTokens = true,
        LedgerKeyPath = Path.Combine(root, "ledger-key.pem"),
        ArtifactDirectory = Path.Combine(root, "artifacts"),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers) await server.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
