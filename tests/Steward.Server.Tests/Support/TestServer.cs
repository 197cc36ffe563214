using Steward.Tests.Support;

namespace Steward.Server.Tests.Support;

/// <summary>
/// A real Steward server on 127.0.0.1 and a free port, with its own temporary data folder and
/// its own database (a SQLite file there, or a fresh PostgreSQL database).
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly StewardServer _server;
    private readonly string? _postgresDatabase;

    private TestServer(StewardServer server, string dataDirectory, string? postgresDatabase)
    {
        _server = server;
        DataDirectory = dataDirectory;
        _postgresDatabase = postgresDatabase;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        Api = new MlflowHttp(Http);
    }

    public Uri Address => _server.Address;

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public MlflowHttp Api { get; }

    public static async Task<TestServer> StartAsync(Backend backend)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "steward-server-tests", Guid.NewGuid().ToString("N"));
        string? database = null;
        string? connectionString = null;
        if (backend == Backend.Postgres)
        {
            database = "steward_api_" + Guid.NewGuid().ToString("N");
            connectionString = await TestPostgres.CreateDatabaseAsync(database);
        }

        var options = new StewardServerOptions { Host = "127.0.0.1", Port = 0, DataDirectory = dataDirectory, Database = connectionString };
        var server = await StewardServer.StartAsync(options, CancellationToken.None);
        return new TestServer(server, dataDirectory, database);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
        if (_postgresDatabase is not null) await TestPostgres.DropDatabaseAsync(_postgresDatabase);
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}
