using System.Net;
using System.Net.Http.Headers;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Steward.Client;
using Steward.Contracts.Identity;
using Steward.Server.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>
/// When credentials are needed: on loopback a request without them is the local admin, unless
/// the server requires tokens; on any other address they always are, and the first start makes
/// an admin with a token.
/// </summary>
public sealed class CredentialPolicyTests
{
    [SkippableTheory, Backends]
    public async Task on_loopback_a_request_without_credentials_is_the_local_admin(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        Assert.False(server.Server.CredentialsRequired);
        Assert.Null(server.Server.BootstrapAdmin);
        Assert.Equal("no credentials required: requests without a token act as local-admin (loopback only)", server.Server.CredentialsDescription);

        using var client = new StewardClient(server.Address, "");
        var me = await client.GetMeAsync();
        Assert.Equal(("local-admin", "local-admin", true), (me.Name, me.AuthenticatedBy, me.AllDomains));
        Assert.Equal(["admin"], me.Roles);

        var experiment = await client.CreateExperimentAsync("by-local-admin");
        Assert.Equal("default", experiment.Domain);
        var entries = await client.ListLedgerEntriesAsync(new LedgerEntrySearch { Resource = $"experiment/{experiment.ExperimentId}" });
        Assert.Equal("local-admin", Assert.Single(entries.Entries).Actor);
    }

    [SkippableTheory, Backends]
    public async Task on_loopback_a_wrong_token_is_refused_not_taken_for_the_local_admin(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "stw_not-a-real-token");
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableTheory, Backends]
    public async Task require_tokens_refuses_requests_without_credentials_on_both_apis_but_not_health(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend, requireTokens: true);
        Assert.True(server.Server.CredentialsRequired);

        using var native = await server.Http.GetAsync("/api/v1/experiments");
        Assert.Equal(HttpStatusCode.Unauthorized, native.StatusCode);
        Assert.Equal("application/problem+json", native.Content.Headers.ContentType?.MediaType);
        Assert.Contains("UNAUTHENTICATED", await native.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var challenges = native.Headers.WwwAuthenticate.Select(h => h.Scheme).ToList();
        Assert.Equal(["Bearer", "Basic"], challenges);

        var mlflow = await server.Api.GetAsync("experiments/search?max_results=1");
        Assert.Contains("Credentials are required", mlflow.Error(HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), StringComparison.Ordinal);
        using var artifacts = await server.Http.GetAsync("/api/2.0/mlflow-artifacts/artifacts/0/x");
        Assert.Equal(HttpStatusCode.Unauthorized, artifacts.StatusCode);

        using var health = await server.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [SkippableTheory, Backends]
    public async Task the_first_start_that_requires_credentials_creates_an_admin_with_a_token_once(Backend backend)
    {
        await using var server = await TestServer.StartAsync(backend, requireTokens: true);
        var bootstrap = server.Server.BootstrapAdmin;
        Assert.NotNull(bootstrap);
        Assert.Equal("admin", bootstrap.Token.UserName);

        using var admin = new StewardClient(server.Address, bootstrap.Secret);
        var me = await admin.GetMeAsync();
        Assert.Equal(("admin", "token", true), (me.Name, me.AuthenticatedBy, me.AllDomains));

        var entries = (await admin.ListLedgerEntriesAsync(new LedgerEntrySearch { Actor = "bootstrap" })).Entries;
        Assert.Equal(["user.create", "token.create"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.DoesNotContain(bootstrap.Secret[4..], System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(e.Leaf)), StringComparison.Ordinal));

        await server.RestartAsync();
        Assert.Null(server.Server.BootstrapAdmin);
        using var again = new StewardClient(server.Address, bootstrap.Secret);
        Assert.Equal("admin", (await again.GetMeAsync()).Name);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("localhost", true)]
    [InlineData("LocalHost", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    [InlineData("*", false)]
    [InlineData("+", false)]
    [InlineData("192.168.1.20", false)]
    [InlineData("steward.example.org", false)]
    public void only_loopback_hosts_serve_without_credentials(string host, bool loopback)
    {
        Assert.Equal(loopback, AuthenticationPolicy.IsLoopback(host));
        Assert.Equal(!loopback, AuthenticationPolicy.For(host, requireTokens: false).CredentialsRequired);
        Assert.True(AuthenticationPolicy.For(host, requireTokens: true).CredentialsRequired);
    }

    [Fact]
    public async Task a_server_on_a_non_loopback_address_requires_credentials()
    {
        var address = NonLoopbackAddress();
        if (address is null)
        {
            // No such address on this machine: the decision itself is covered by the theory above.
            return;
        }

        await using var server = await TestServer.StartAsync(Backend.Sqlite, host: address.ToString());
        Assert.True(server.Server.CredentialsRequired);
        Assert.Equal(address.ToString(), server.Address.Host);
        using var anonymous = await server.Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var admin = new StewardClient(server.Address, server.Server.BootstrapAdmin!.Secret);
        Assert.Equal("admin", (await admin.GetMeAsync()).Name);
    }

    private static IPAddress? NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
