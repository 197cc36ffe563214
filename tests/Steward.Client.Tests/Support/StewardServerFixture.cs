using Microsoft.Extensions.DependencyInjection;
using Steward.Client;
using Steward.Server;

namespace Steward.Tests.Support;

/// <summary>
/// A real Steward server on a free loopback port with its own SQLite database and artifact
/// folder, shared by the tests of one class and deleted afterwards.
/// </summary>
public class StewardServerFixture : IAsyncLifetime
{
    private StewardServer? _server;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The server has not started.");

    public StewardClient Client { get; private set; } = null!;

    /// <summary>A plain HTTP client for checks below the SDK (status codes, headers, raw bodies).</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A PostgreSQL connection string for the server, or null for SQLite in <see cref="DataDirectory"/>.</summary>
    protected virtual Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>Replaces server services after Steward's own (a refusing gate, say).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        _server = await StewardServer.StartAsync(
            new StewardServerOptions { Host = "127.0.0.1", Port = 0, DataDirectory = DataDirectory, Database = await CreateDatabaseAsync() },
            CancellationToken.None,
            services: ConfigureServices);
        Client = new StewardClient(_server.Address);
        Http = new HttpClient { BaseAddress = _server.Address };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Http?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        await DropDatabaseAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left in the temp folder; it holds nothing of value.
        }
    }

    /// <summary>A name no other test in this class uses.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
