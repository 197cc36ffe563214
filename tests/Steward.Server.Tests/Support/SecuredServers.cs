using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Steward.Client;

namespace Steward.Server.Tests.Support;

/// <summary>
/// Servers that require credentials (<c>--require-tokens</c> on loopback), one per backend for a
/// test class, each with an <see cref="AdjustableClock"/> and an admin holding the token the
/// server created at its first start.
/// </summary>
public sealed class SecuredServers : IAsyncLifetime
{
    private readonly ConcurrentDictionary<Backend, Lazy<Task<SecuredServer>>> _servers = new();

    public Task<SecuredServer> For(Backend backend) =>
        _servers.GetOrAdd(backend, b => new Lazy<Task<SecuredServer>>(() => SecuredServer.StartAsync(b))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values.Where(s => s.IsValueCreated && s.Value.IsCompletedSuccessfully))
        {
            await (await server.Value).DisposeAsync();
        }
    }
}

/// <summary>A server that requires credentials, its clock, and its first admin.</summary>
public sealed class SecuredServer : IAsyncDisposable
{
    private SecuredServer(TestServer server, AdjustableClock clock)
    {
        Server = server;
        Clock = clock;
        AdminToken = server.Server.BootstrapAdmin?.Secret ?? throw new InvalidOperationException("The server created no first admin.");
        Admin = Caller.With(server, "admin", AdminToken);
    }

    public TestServer Server { get; }

    public AdjustableClock Clock { get; }

    public string AdminToken { get; }

    /// <summary>The first admin, through the SDK and plain HTTP.</summary>
    public Caller Admin { get; }

    /// <summary>A caller that sends no credentials.</summary>
    public HttpClient Anonymous => Server.Http;

    public static async Task<SecuredServer> StartAsync(Backend backend, Func<StewardServerOptions, StewardServerOptions>? configure = null)
    {
        var clock = new AdjustableClock();
        var server = await TestServer.StartAsync(backend, requireTokens: true, services: s => s.AddSingleton<TimeProvider>(clock), configure: configure);
        return new SecuredServer(server, clock);
    }

    /// <summary>Creates the domains that do not exist yet.</summary>
    public async Task EnsureDomainsAsync(params string[] domains)
    {
        var existing = (await Admin.Client.ListDomainsAsync()).Select(d => d.Name).ToHashSet();
        foreach (var domain in domains.Where(d => !existing.Contains(d))) await Admin.Client.CreateDomainAsync(domain);
    }

    /// <summary>Creates a user with a unique name (prefixed <paramref name="prefix"/>), the given roles and domains, and a token for them.</summary>
    public async Task<Caller> NewUserAsync(string prefix, string[] roles, params string[] domains)
    {
        await EnsureDomainsAsync(domains);
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        await Admin.Client.CreateUserAsync(name, roles, domains);
        var token = await Admin.Client.CreateTokenAsync(name, "test");
        return Caller.With(Server, name, token.Secret);
    }

    public ValueTask DisposeAsync()
    {
        Admin.Dispose();
        return Server.DisposeAsync();
    }
}

/// <summary>One authenticated caller: the SDK, the MLflow API over plain HTTP, and raw HTTP, all sending its token.</summary>
public sealed class Caller : IDisposable
{
    private Caller(string name, string token, StewardClient client, HttpClient http)
    {
        Name = name;
        Token = token;
        Client = client;
        Http = http;
        Mlflow = new MlflowHttp(http);
    }

    public string Name { get; }

    public string Token { get; }

    public StewardClient Client { get; }

    public HttpClient Http { get; }

    public MlflowHttp Mlflow { get; }

    public static Caller With(TestServer server, string name, string token)
    {
        var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Caller(name, token, new StewardClient(server.Address, token), http);
    }

    /// <summary>An HTTP client sending HTTP Basic credentials, as MLflow's MLFLOW_TRACKING_USERNAME/PASSWORD do.</summary>
    public static HttpClient Basic(TestServer server, string user, string password)
    {
        var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    public void Dispose()
    {
        Client.Dispose();
        Http.Dispose();
    }
}
