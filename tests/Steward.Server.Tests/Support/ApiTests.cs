namespace Steward.Server.Tests.Support;

/// <summary>
/// Base of the HTTP test classes: every class gets its own servers (one per backend), and each
/// test is a theory over both backends (<see cref="BackendsAttribute"/>; PostgreSQL skipped, with the reason, where no server is set).
/// </summary>
public abstract class ApiTests(ApiServers servers) : IClassFixture<ApiServers>
{
    protected async Task<MlflowHttp> ApiAsync(Backend backend) => (await servers.For(backend)).Api;

    protected Task<TestServer> ServerAsync(Backend backend) => servers.For(backend);

    /// <summary>A name no other test in the class uses.</summary>
    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
