using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.ModelAudits;

/// <summary>
/// Audits of a model version through the native API: run against a file of the server's data-set
/// folder, kept as evidence with a ledger entry, listed and read back; bad requests store nothing.
/// </summary>
public sealed class ModelAuditsApiTests(ApiServers servers) : ApiTests(servers)
{
    private static readonly object CompasFairness = new
    {
        kind = "fairness",
        data = "compas/compas-scores-two-years.csv",
        label = "two_year_recid",
        score = "decile_score",
        threshold = 5,
        sensitive = new[] { "race" },
        referenceGroup = new[] { "Caucasian" },
        bootstrap = 0,
    };

    private async Task<(TestServer Server, string Name)> VersionAsync(Backend backend)
    {
        var server = await ServerAsync(backend);
        var folder = Path.Combine(server.DataDirectory, "datasets", "compas");
        if (!File.Exists(Path.Combine(folder, "compas-scores-two-years.csv")))
        {
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(RepoPaths.Datasets, "compas", "compas-scores-two-years.csv"), Path.Combine(folder, "compas-scores-two-years.csv"), overwrite: true);
        }
        var name = Unique("audited");
        var runId = await server.Api.CreateRunAsync();
        var artifactUri = (await server.Api.GetRunAsync(runId)).GetProperty("info").GetProperty("artifact_uri").GetString()!;
        (await server.Api.PostAsync("registered-models/create", new { name })).Ok();
        (await server.Api.PostAsync("model-versions/create", new { name, source = $"{artifactUri}/model", run_id = runId })).Ok();
        return (server, name);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<int> AuditCountAsync(TestServer server, string name) =>
        (await JsonAsync(await server.Http.GetAsync($"/api/v1/models/{name}/versions/1/audits"), HttpStatusCode.OK))
            .GetProperty("items").GetArrayLength();

    [Theory, Backends]
    public async Task A_fairness_audit_of_compas_is_kept_as_evidence_with_ProPublicas_rates(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var created = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits", CompasFairness), HttpStatusCode.Created);

        Assert.Equal("failed", created.GetProperty("verdict").GetString());
        Assert.Equal("compas/compas-scores-two-years.csv", created.GetProperty("data").GetString());
        var black = created.GetProperty("report").GetProperty("groups").EnumerateArray()
            .Single(g => g.GetProperty("group").GetProperty("race").GetString() == "African-American");
        // ProPublica, "How We Analyzed the COMPAS Recidivism Algorithm": 44.85% of Black defendants who did not re-offend were labelled higher risk.
        Assert.Equal(0.4485, black.GetProperty("falsePositiveRate").GetDouble(), 4);

        var id = created.GetProperty("id").GetInt64();
        var fetched = await JsonAsync(await server.Http.GetAsync($"/api/v1/model-audits/{id}"), HttpStatusCode.OK);
        Assert.Equal(created.GetProperty("report").GetRawText(), fetched.GetProperty("report").GetRawText());
        var listed = Assert.Single((await JsonAsync(await server.Http.GetAsync($"/api/v1/models/{name}/versions/1/audits?kind=fairness"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(id, listed.GetProperty("id").GetInt64());
        Assert.False(listed.TryGetProperty("report", out _));
    }

    [Theory, Backends]
    public async Task Recording_an_audit_is_a_ledger_entry_on_the_version(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        (await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits", CompasFairness)).EnsureSuccessStatusCode();
        var entries = await JsonAsync(await server.Http.GetAsync($"/api/v1/audit/entries?resource={Uri.EscapeDataString($"registered_model/{name}/version/1")}"), HttpStatusCode.OK);
        Assert.Contains(entries.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "model_version.record_audit");
    }

    [Theory, Backends]
    public async Task The_report_is_served_as_a_page_with_its_charts(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var created = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits", CompasFairness), HttpStatusCode.Created);
        using var page = await server.Http.GetAsync($"/api/v1/model-audits/{created.GetProperty("id").GetInt64()}/report");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html);
        Assert.Contains("African-American", html);
    }

    [Theory, Backends]
    public async Task A_data_set_outside_the_folder_is_refused_and_nothing_is_recorded(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var problem = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits",
            new { kind = "fairness", data = "../steward.db", label = "x", prediction = "y", sensitive = new[] { "z" } }), HttpStatusCode.BadRequest);
        Assert.Contains("'data'", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await AuditCountAsync(server, name));
    }

    [Theory, Backends]
    public async Task A_missing_column_is_named_and_nothing_is_recorded(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var problem = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits",
            new { kind = "fairness", data = "compas/compas-scores-two-years.csv", label = "two_year_recid", prediction = "no_such_column", sensitive = new[] { "race" } }),
            HttpStatusCode.BadRequest);
        Assert.Contains("no_such_column", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(server.DataDirectory, problem.GetProperty("detail").GetString());
        Assert.Equal(0, await AuditCountAsync(server, name));
    }

    [Theory, Backends]
    public async Task An_unknown_kind_or_setting_is_a_bad_request(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var unknownKind = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits", new { kind = "vibes" }), HttpStatusCode.BadRequest);
        Assert.Contains("'kind'", unknownKind.GetProperty("detail").GetString());
        var misspelt = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits",
            new { kind = "fairness", data = "compas/compas-scores-two-years.csv", label = "two_year_recid", prediction = "is_recid", sensitive = new[] { "race" }, treshold = 5 }),
            HttpStatusCode.BadRequest);
        Assert.Contains("treshold", misspelt.GetProperty("detail").GetString());
    }

    [Theory, Backends]
    public async Task Auditing_a_missing_version_is_not_found(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/9/audits", CompasFairness), HttpStatusCode.NotFound);
    }
}
