using System.Net;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Tracking;

/// <summary><c>GET /api/v1/runs?idPrefix=</c>: the ids of runs starting with a prefix, for clients that accept abbreviated run ids.</summary>
public sealed class RunIdPrefixApiTests(ApiServers servers) : ApiTests(servers)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> FindAsync(TestServer server, string query)
    {
        using var response = await server.Http.GetAsync($"/api/v1/runs?{query}");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static List<string> Ids(JsonElement body) => body.GetProperty("runIds").EnumerateArray().Select(e => e.GetString()!).ToList();

    [SkippableTheory, Backends]
    public async Task a_prefix_of_a_run_id_finds_that_run_in_any_case(Backend backend)
    {
        var server = await ServerAsync(backend);
        var runId = await server.Api.CreateRunAsync();

        var (status, body) = await FindAsync(server, $"idPrefix={runId[..12]}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([runId], Ids(body));
        Assert.Equal([runId], Ids((await FindAsync(server, $"idPrefix={runId[..12].ToUpperInvariant()}")).Body));
        Assert.Equal([runId], Ids((await FindAsync(server, $"idPrefix={runId}")).Body));
    }

    [SkippableTheory, Backends]
    public async Task a_prefix_no_run_starts_with_finds_nothing(Backend backend)
    {
        var server = await ServerAsync(backend);
        var runId = await server.Api.CreateRunAsync();
        var other = (runId[0] == '0' ? "1" : "0") + runId[1..];

        var (status, body) = await FindAsync(server, $"idPrefix={other}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Ids(body));
    }

    [SkippableTheory, Backends]
    public async Task a_bad_prefix_or_page_size_is_400_naming_it(Backend backend)
    {
        var server = await ServerAsync(backend);
        (string Query, string Named)[] cases =
        [
            ("idPrefix=4f6", "idPrefix"),
            ("idPrefix=4f6z", "idPrefix"),
            ("idPrefix=0123456789abcdef0123456789abcdef0", "idPrefix"),
            ("maxResults=2", "idPrefix"),
            ("idPrefix=4f6c&maxResults=0", "max_results"),
            ("idPrefix=4f6c&maxResults=101", "max_results"),
            ("idPrefix=4f6c&maxResults=two", "maxResults"),
        ];
        foreach (var (query, named) in cases)
        {
            var (status, body) = await FindAsync(server, query);
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {status}");
            Assert.Contains(named, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
