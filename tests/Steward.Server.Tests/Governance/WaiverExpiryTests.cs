using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Steward.Contracts.Governance;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Governance;

/// <summary>A waiver's expiry reads as a token's does (<c>30d</c>, <c>12h</c>, a date), never <c>never</c>, and within the policy's <c>max_waiver_days</c>.</summary>
public sealed class WaiverExpiryTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    private const string Domain = "waivers";

    private static async Task<(Caller Owner, string Name)> VersionAsync(SecuredServer server)
    {
        var owner = await server.NewUserAsync("mle", ["ml-engineer"], Domain);
        var name = $"waive-{Guid.NewGuid():N}"[..15];
        await owner.Client.CreateModelAsync(name, domain: Domain);
        await owner.Client.CreateModelVersionAsync(name, "mlflow-artifacts:/0/r/artifacts/model");
        await server.Admin.Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Owner: owner.Name, Domain: Domain));
        return (owner, name);
    }

    private static async Task<string> InvalidAsync(Caller caller, string name, string expires)
    {
        using var response = await caller.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/waivers", new { step = "drift-monitoring", reason = "pilot", expires });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    [SkippableTheory, Backends]
    public async Task a_waiver_expires_thirty_days_from_now_when_told_30d(Backend backend)
    {
        var server = await servers.For(backend);
        var (owner, name) = await VersionAsync(server);
        var before = server.Clock.GetUtcNow().AddDays(30).ToUnixTimeMilliseconds();
        var waiver = await owner.Client.WaiveStepAsync(name, "1", "drift-monitoring", "monitored by hand during the pilot", "30d");
        var after = server.Clock.GetUtcNow().AddDays(30).ToUnixTimeMilliseconds();
        Assert.InRange(waiver.ExpiresTimestamp, before, after);
        Assert.True(waiver.Active);
    }

    [SkippableTheory, Backends]
    public async Task a_waiver_is_never_given_never_nor_more_than_max_waiver_days(Backend backend)
    {
        var server = await servers.For(backend);
        var (owner, name) = await VersionAsync(server);
        Assert.Contains("max_waiver_days", await InvalidAsync(owner, name, "never"), StringComparison.Ordinal);
        var tooLong = await InvalidAsync(owner, name, "91d");
        Assert.Contains("more than 90 days away", tooLong, StringComparison.Ordinal);
        Assert.Contains("max_waiver_days", tooLong, StringComparison.Ordinal);
        Assert.Contains("expected a duration such as 30d", await InvalidAsync(owner, name, "soon"), StringComparison.Ordinal);
        Assert.Empty((await server.Admin.Client.ListWaiversAsync(name, "1")).Items);
    }
}
