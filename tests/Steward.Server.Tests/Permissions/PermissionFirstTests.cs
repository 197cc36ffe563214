using System.Net;
using System.Text;
using System.Text.Json;
using Steward.Client;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Permissions;

/// <summary>
/// Every write checks the caller's permission before it reads what was sent: a user whose roles
/// may not write gets 403 PERMISSION_DENIED for an invalid body too — never the validation error,
/// which would tell what would have been accepted — and the refusal is the only ledger entry.
/// </summary>
public sealed class PermissionFirstTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    private const string Domain = "perm-first";

    /// <summary>A write with an invalid body: method, path (<c>{model}</c>, <c>{run}</c>, <c>{experiment}</c> filled in), body as sent.</summary>
    public sealed record Write(string Method, string Path, string Body)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private const string Version = "/api/v1/models/{model}/versions/1";
    private const string Governance = "/api/v1/governance";
    private const string Mlflow = "/api/2.0/mlflow";

    private static readonly IReadOnlyList<Write> Writes =
    [
        // Lifecycle: waivers (a bad expiry, a past one, none), attestations, approvals, the policy.
        new("POST", Version + "/waivers", """{"step":"drift-monitoring","reason":"later","expires":"soon"}"""),
        new("POST", Version + "/waivers", """{"step":"drift-monitoring","reason":"later","expires":"2001-01-01"}"""),
        new("POST", Version + "/waivers", """{"step":"no-such-step"}"""),
        new("POST", Version + "/waivers", "{not json"),
        new("POST", Version + "/attestations", """{"step":"business-kpi","link":"not a url"}"""),
        new("POST", Version + "/approvals", """{"decision":"maybe"}"""),
        new("POST", Version + "/approvals", """{"decision":"rejected"}"""),
        new("PUT", Governance + "/lifecycle-policy", """{"content":"max_waiver_days: [oops"}"""),
        // Governance: records, reviews, scorecards, checklists, cards.
        new("PUT", Governance + "/models/{model}", """{"status":"bogus","domain":"nowhere"}"""),
        new("POST", Governance + "/models/{model}/reviews", """{"outcome":42}"""),
        new("PUT", Governance + "/scorecard/config", """{"content":"factors: [oops"}"""),
        new("POST", Governance + "/models/{model}/versions/1/scorecards", """{"factors":{"business_impact":"enormous"}}"""),
        new("POST", Governance + "/checklists", """{"content":"items: [oops"}"""),
        new("PUT", Governance + "/models/{model}/versions/1/checklists/sox/items/no-such-item", """{"answer":"perhaps"}"""),
        new("PUT", Governance + "/models/{model}/versions/1/card", """{"sections":42}"""),
        // Model audits, registry, tracking, identity.
        new("POST", Version + "/audits", """{"kind":"nonsense"}"""),
        new("POST", "/api/v1/models", """{"name":""}"""),
        new("POST", "/api/v1/models/{model}/versions", """{"source":""}"""),
        new("POST", Version + "/stage", """{"stage":"Nowhere"}"""),
        new("PUT", Version + "/tags/%20", """{"value":1}"""),
        new("PUT", "/api/v1/models/{model}/aliases/v1", """{"version":"x"}"""),
        new("PUT", "/api/v1/models/{model}/domain", """{"domain":""}"""),
        new("POST", "/api/v1/experiments", """{"name":""}"""),
        new("PATCH", "/api/v1/experiments/{experiment}", """{"name":""}"""),
        new("POST", "/api/v1/runs", """{"experimentId":"no-such-experiment"}"""),
        new("POST", "/api/v1/runs/{run}/batch", """{"metrics":[{"key":""}]}"""),
        new("PUT", "/api/v1/runs/{run}/artifacts/model/MLmodel", "artifact content"),
        new("POST", "/api/v1/users", """{"name":"","roles":["wizard"]}"""),
        new("PATCH", "/api/v1/users/admin", """{"roles":["wizard"]}"""),
        new("POST", "/api/v1/domains", """{"name":"Not A Domain!"}"""),
        // The MLflow API, a malformed body included.
        new("POST", Mlflow + "/experiments/create", """{"name":""}"""),
        new("POST", Mlflow + "/runs/log-batch", """{"run_id":"{run}","metrics":"x"}"""),
        new("POST", Mlflow + "/runs/set-tag", "{not json"),
        new("POST", Mlflow + "/registered-models/create", "{}"),
        new("POST", Mlflow + "/model-versions/transition-stage", """{"name":"{model}","version":"x","stage":"Nowhere"}"""),
        new("POST", Mlflow + "/registered-models/alias", """{"name":"{model}"}"""),
        new("PATCH", Mlflow + "/model-versions/update", """{"name":"{model}"}"""),
    ];

    private sealed record Fixture(SecuredServer Server, string Model, string Experiment, string Run);

    private static async Task<Fixture> FixtureAsync(SecuredServer server)
    {
        await server.EnsureDomainsAsync(Domain);
        var admin = server.Admin.Client;
        var name = $"perm-{Guid.NewGuid():N}"[..16];
        var experiment = await admin.CreateExperimentAsync(name, domain: Domain);
        var run = await admin.CreateRunAsync(experiment.ExperimentId);
        await admin.CreateModelAsync(name, domain: Domain);
        await admin.CreateModelVersionAsync(name, $"{run.ArtifactUri}/model", run.RunId);
        return new Fixture(server, name, experiment.ExperimentId, run.RunId);
    }

    [SkippableTheory, Backends]
    public async Task an_executive_reads_metadata(Backend backend)
    {
        var fixture = await FixtureAsync(await servers.For(backend));
        using var executive = await fixture.Server.NewUserAsync("exec", ["executive"], Domain);
        Assert.Equal(fixture.Model, (await executive.Client.GetModelAsync(fixture.Model)).Name);
        Assert.Equal(fixture.Model, (await executive.Client.GetLifecycleAsync(fixture.Model, "1")).Name);
        Assert.Equal(fixture.Run, (await executive.Client.GetRunAsync(fixture.Run)).RunId);
    }

    [SkippableTheory, Backends]
    public async Task a_user_without_the_role_is_refused_before_the_body_is_read_and_nothing_changes(Backend backend)
    {
        var fixture = await FixtureAsync(await servers.For(backend));
        foreach (var roles in new[] { new[] { "executive" }, ["auditor"] })
        {
            using var caller = await fixture.Server.NewUserAsync(roles[0][..4], roles, Domain);
            var before = (await fixture.Server.Admin.Client.GetLedgerHeadAsync()).TreeSize;
            var failures = new List<string>();
            foreach (var write in Writes)
            {
                var (status, code, text) = await SendAsync(caller.Http, fixture, write);
                if (status != HttpStatusCode.Forbidden || code != "PERMISSION_DENIED") failures.Add($"{write} as {roles[0]}: {(int)status} {text}");
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
            var entries = (await fixture.Server.Admin.Client.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = before })).Entries;
            Assert.Equal(Writes.Count, entries.Count);
            Assert.All(entries, e => Assert.Equal((caller.Name, "auth.denied", "denied"), (e.Actor, e.Action, e.Outcome)));
        }
    }

    private static async Task<(HttpStatusCode Status, string? Code, string Text)> SendAsync(HttpClient http, Fixture fixture, Write write)
    {
        string Fill(string text) => text.Replace("{model}", fixture.Model, StringComparison.Ordinal)
            .Replace("{run}", fixture.Run, StringComparison.Ordinal).Replace("{experiment}", fixture.Experiment, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(write.Method), Fill(write.Path))
        {
            Content = new StringContent(Fill(write.Body), Encoding.UTF8, write.Path.Contains("/artifacts/", StringComparison.Ordinal) ? "application/octet-stream" : "application/json"),
        };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        string? code = null;
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            code = root.TryGetProperty("errorCode", out var native) ? native.GetString() : root.TryGetProperty("error_code", out var mlflow) ? mlflow.GetString() : null;
        }
        catch (JsonException)
        {
            // Not JSON: reported with the status below.
        }

        return (response.StatusCode, code, text);
    }
}
