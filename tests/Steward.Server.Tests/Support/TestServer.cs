using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Tests.Support;

namespace Steward.Server.Tests.Support;

/// <summary>
/// A real Steward server on 127.0.0.1 and a free port, with its own temporary data folder and
/// its own database (a SQLite file there, or a fresh PostgreSQL database).
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly string? _postgresDatabase;

    private TestServer(StewardServer server, StewardServerOptions options, string? postgresDatabase)
    {
        Server = server;
        Options = options;
        _postgresDatabase = postgresDatabase;
        Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        Api = new MlflowHttp(Http);
    }

    public StewardServer Server { get; private set; }

    /// <summary>What the server was started with (data folder, PostgreSQL connection string).</summary>
    public StewardServerOptions Options { get; }

    public Uri Address => Server.Address;

    public string DataDirectory => Options.DataDirectory;

    /// <summary>An HTTP client that sends no credentials.</summary>
    public HttpClient Http { get; }

    public MlflowHttp Api { get; }

    /// <param name="backend">The metadata database.</param>
    /// <param name="requireTokens">Require credentials although the server listens on loopback.</param>
    /// <param name="services">Replaces server services (a clock, a gate).</param>
    /// <param name="host">The address to listen on.</param>
    /// <param name="configure">Changes further options (limits, trusted proxies).</param>
    /// <param name="logging">Adds log providers (a test's own, to read what the server logged).</param>
    public static async Task<TestServer> StartAsync(
        Backend backend, bool requireTokens = false, Action<IServiceCollection>? services = null, string host = "127.0.0.1",
        Func<StewardServerOptions, StewardServerOptions>? configure = null, Action<ILoggingBuilder>? logging = null)
    {
        BackendsAttribute.SkipUnavailable(backend);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "steward-server-tests", Guid.NewGuid().ToString("N"));
        string? database = null;
        string? connectionString = null;
        if (backend == Backend.Postgres)
        {
            database = "steward_api_" + Guid.NewGuid().ToString("N");
            connectionString = await TestPostgres.CreateDatabaseAsync(database);
        }

        var options = new StewardServerOptions { Host = host, Port = 0, DataDirectory = dataDirectory, Database = connectionString, RequireTokens = requireTokens };
        if (configure is not null) options = configure(options);
        var server = await StewardServer.StartAsync(options, CancellationToken.None, logging, services);
        return new TestServer(server, options, database);
    }

    /// <summary>Stops the server and starts it again on the same data, on a new port.</summary>
    public async Task<StewardServer> RestartAsync(Action<IServiceCollection>? services = null)
    {
        await Server.DisposeAsync();
        Server = await StewardServer.StartAsync(Options, CancellationToken.None, services: services);
        return Server;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        if (_postgresDatabase is not null) await TestPostgres.DropDatabaseAsync(_postgresDatabase);
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}
