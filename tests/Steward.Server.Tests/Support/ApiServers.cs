using System.Collections.Concurrent;

namespace Steward.Server.Tests.Support;

/// <summary>
/// The servers of one test class, one per backend, started on first use and stopped when the
/// class is done: each class works on its own data folder and database.
/// </summary>
public sealed class ApiServers : IAsyncLifetime
{
    private readonly ConcurrentDictionary<Backend, Lazy<Task<TestServer>>> _servers = new();

    public Task<TestServer> For(Backend backend) =>
        _servers.GetOrAdd(backend, b => new Lazy<Task<TestServer>>(() => TestServer.StartAsync(b))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values.Where(s => s.IsValueCreated))
        {
            try
            {
                await (await server.Value).DisposeAsync();
            }
            catch (Exception) when (!server.Value.IsCompletedSuccessfully)
            {
                // A server that failed to start has already failed its tests.
            }
        }
    }
}
