using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Steward.Client;
using Steward.Contracts.Governance;
using Steward.Contracts.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Governance;

/// <summary>
/// Governance writes need their role (the permission table), lifecycle decisions the step's owner
/// or the tier's approver roles; each refusal is a 403, an <c>auth.denied</c> ledger entry, and
/// changes nothing.
/// </summary>
public sealed class GovernancePermissionTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    private const string Domain = "gov-perms";

    private static async Task<string> VersionAsync(SecuredServer server, Caller author)
    {
        var name = $"perm-{Guid.NewGuid():N}"[..14];
        await author.Client.CreateModelAsync(name, domain: Domain);
        var run = await author.Client.CreateRunAsync((await author.Client.CreateExperimentAsync(name, domain: Domain)).ExperimentId);
        await author.Client.CreateModelVersionAsync(name, $"{run.ArtifactUri}/model", run.RunId);
        await server.Admin.Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Owner: author.Name, Domain: Domain));
        return name;
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    private static async Task<int> DenialsAsync(SecuredServer server, string actor) =>
        (await server.Admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?action=auth.denied&actor={actor}&maxResults=1000"))
            .GetProperty("entries").GetArrayLength();

    [SkippableTheory, Backends]
    public async Task Filing_a_scorecard_needs_a_risk_manager(Backend backend)
    {
        var server = await servers.For(backend);
        var author = await server.NewUserAsync("ds", ["data-scientist"], Domain);
        var name = await VersionAsync(server, author);
        var detail = await RefusedAsync(await author.Http.PostAsJsonAsync($"/api/v1/governance/models/{name}/versions/1/scorecards",
            new { factors = new { business_impact = "low", data_quality = 99, bias_risk = "low", deployment_frequency = "weekly" } }));
        Assert.Contains("file scorecards", detail);
        Assert.Equal(1, await DenialsAsync(server, author.Name));
        Assert.Empty((await server.Admin.Client.ListScorecardsAsync(name, 1)).Items);
    }

    [SkippableTheory, Backends]
    public async Task Storing_the_lifecycle_policy_needs_a_governance_officer(Backend backend)
    {
        var server = await servers.For(backend);
        var risk = await server.NewUserAsync("rm", ["risk-manager"], Domain);
        var before = (await server.Admin.Client.GetLifecyclePolicyAsync()).Version;
        var detail = await RefusedAsync(await risk.Http.PutAsJsonAsync("/api/v1/governance/lifecycle-policy", new { content = "name: x" }));
        Assert.Contains("configure governance", detail);
        Assert.Equal(before, (await server.Admin.Client.GetLifecyclePolicyAsync()).Version);
    }

    [SkippableTheory, Backends]
    public async Task Only_a_steps_owner_role_may_waive_it(Backend backend)
    {
        var server = await servers.For(backend);
        var author = await server.NewUserAsync("mle", ["ml-engineer"], Domain);
        var risk = await server.NewUserAsync("rm", ["risk-manager", "release-manager"], Domain);
        var name = await VersionAsync(server, author);
        var expires = server.Clock.GetUtcNow().AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var detail = await RefusedAsync(await risk.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/waivers", new { step = "drift-monitoring", reason = "later", expires }));
        Assert.Contains("only its owner role ml-engineer", detail);
        Assert.Equal(1, await DenialsAsync(server, risk.Name));
        Assert.Empty((await server.Admin.Client.ListWaiversAsync(name, "1")).Items);
        // Its owner may.
        var waiver = await author.Client.WaiveStepAsync(name, "1", "drift-monitoring", "monitored by hand during the pilot", expires);
        Assert.True(waiver.Active);
    }

    [SkippableTheory, Backends]
    public async Task Deciding_without_one_of_the_tiers_roles_is_refused(Backend backend)
    {
        var server = await servers.For(backend);
        var author = await server.NewUserAsync("mle", ["ml-engineer"], Domain);
        var risk = await server.NewUserAsync("rm", ["risk-manager"], Domain);
        var ethics = await server.NewUserAsync("eo", ["ethics-officer"], Domain);
        var name = await VersionAsync(server, author);
        await risk.Client.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "low", ["data_quality"] = "99", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
        });

        // Low risk takes an ml-engineer's or a release-manager's approval; an ethics officer's is no part of it.
        var detail = await RefusedAsync(await ethics.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/approvals", new { decision = "approved" }));
        Assert.Contains("takes decisions from ml-engineer, release-manager", detail);
        Assert.Empty((await server.Admin.Client.ListApprovalsAsync(name, "1")).Decisions);
    }

    [SkippableTheory, Backends]
    public async Task A_rejection_needs_a_reason_and_holds_the_approval_step_shut(Backend backend)
    {
        var server = await servers.For(backend);
        var author = await server.NewUserAsync("mle", ["ml-engineer"], Domain);
        var reviewer = await server.NewUserAsync("rel", ["release-manager"], Domain);
        var risk = await server.NewUserAsync("rm", ["risk-manager"], Domain);
        var name = await VersionAsync(server, author);
        await risk.Client.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "low", ["data_quality"] = "99", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
        });
        var response = await reviewer.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/approvals", new { decision = "rejected" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reason", await response.Content.ReadAsStringAsync());

        await reviewer.Client.DecideAsync(name, "1", "rejected", "no evaluation yet");
        var step = (await reviewer.Client.GetLifecycleAsync(name, "1")).Steps.Single(s => s.Key == "production-approval");
        Assert.Equal("open", step.State);
        Assert.Contains("no evaluation yet", step.Detail);
    }

    [SkippableTheory, Backends]
    public async Task Deleting_a_governed_model_and_registering_it_again_does_not_escape_the_gates(Backend backend)
    {
        var server = await servers.For(backend);
        var author = await server.NewUserAsync("mle", ["ml-engineer"], Domain);
        var name = await VersionAsync(server, author);
        await author.Client.DeleteModelAsync(name);
        await author.Client.CreateModelAsync(name, domain: Domain);
        var run = await author.Client.CreateRunAsync((await author.Client.CreateExperimentAsync(name + "-again", domain: Domain)).ExperimentId);
        await author.Client.CreateModelVersionAsync(name, $"{run.ArtifactUri}/model", run.RunId);

        var response = await author.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/stage", new { stage = "Staging" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((await author.Client.GetLifecycleAsync(name, "1")).Governed);
    }

    [SkippableTheory, Backends]
    public async Task Renaming_a_governed_model_deleting_it_and_registering_its_new_name_again_does_not_escape_the_gates(Backend backend)
    {
        var server = await servers.For(backend);
        var author = await server.NewUserAsync("mle", ["ml-engineer"], Domain);
        var name = await VersionAsync(server, author);
        var renamed = name + "-r";
        await author.Client.RenameModelAsync(name, renamed);
        await author.Client.DeleteModelAsync(renamed);
        await author.Client.CreateModelAsync(renamed, domain: Domain);
        await author.Client.CreateModelVersionAsync(renamed, "mlflow-artifacts:/0/r/artifacts/model");

        var response = await author.Http.PostAsJsonAsync($"/api/v1/models/{renamed}/versions/1/stage", new { stage = "Staging" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((await author.Client.GetLifecycleAsync(renamed, "1")).Governed);
    }
}
