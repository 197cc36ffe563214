using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

public sealed class ClientConstructionTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    [Fact]
    public async Task a_shared_http_client_is_used_without_being_changed()
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        await http.GetStringAsync("/health"); // already used: its settings are frozen from here on
        using var client = new StewardClient(http);
        Assert.NotEmpty((await client.SearchExperimentsAsync()).Items);
        Assert.Equal(server.Address, http.BaseAddress);
    }

    [Fact]
    public async Task a_base_address_without_trailing_slash_keeps_its_path()
    {
        using var client = new StewardClient(new Uri(server.Address.AbsoluteUri.TrimEnd('/')));
        Assert.NotEmpty((await client.SearchExperimentsAsync()).Items);
    }

    [Fact]
    public void an_http_client_without_base_address_is_refused()
    {
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new StewardClient(http));
    }
}
