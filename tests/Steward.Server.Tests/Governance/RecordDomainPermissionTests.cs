using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Governance;

/// <summary>
/// Writing a governance record is refused for lack of the role, or of the model's domain, before
/// anything in the body is judged — a bad domain from someone who may not write gets the 403,
/// not the 400 — and the refusal changes nothing.
/// </summary>
public sealed class RecordDomainPermissionTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    private const string Domain = "record-domains";

    private static async Task<string> ModelAsync(SecuredServer server)
    {
        await server.EnsureDomainsAsync(Domain, "elsewhere");
        var name = $"rd-{Guid.NewGuid():N}"[..14];
        await server.Admin.Client.CreateModelAsync(name, domain: Domain);
        return name;
    }

    private static async Task AssertNothingStoredAsync(SecuredServer server, string name, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {response.StatusCode}: {body}");
        var record = await server.Admin.Http.GetAsync($"/api/v1/governance/models/{name}");
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        var entries = await server.Admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?action=governance_record.update&resource=registered_model/{name}/governance");
        Assert.Equal(0, entries.GetProperty("entries").GetArrayLength());
    }

    [SkippableTheory, Backends]
    public async Task A_data_scientist_naming_an_unknown_domain_is_refused_for_the_role_and_nothing_changes(Backend backend)
    {
        var server = await servers.For(backend);
        var name = await ModelAsync(server);
        var scientist = await server.NewUserAsync("ds", ["data-scientist"], Domain);
        var response = await scientist.Http.PutAsJsonAsync($"/api/v1/governance/models/{name}", new { owner = "ds", domain = "no-such-domain" });
        await AssertNothingStoredAsync(server, name, response);
    }

    [SkippableTheory, Backends]
    public async Task An_ml_engineer_of_another_domain_is_refused_whatever_domain_the_body_names(Backend backend)
    {
        var server = await servers.For(backend);
        var name = await ModelAsync(server);
        var engineer = await server.NewUserAsync("mle", ["ml-engineer"], "elsewhere");
        var response = await engineer.Http.PutAsJsonAsync($"/api/v1/governance/models/{name}", new { owner = "mle", domain = "elsewhere" });
        await AssertNothingStoredAsync(server, name, response);
    }
}
