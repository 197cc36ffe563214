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
        var scored = Path.Combine(server.DataDirectory, "datasets", "telco_scored.csv");
        if (!File.Exists(scored))
            File.Copy(Path.Combine(RepoPaths.Datasets, "..", "tests", "Steward.Stats.Tests", "Reference", "telco_scored.csv"), scored, overwrite: true);
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

    [SkippableTheory, Backends]
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

    [SkippableTheory, Backends]
    public async Task Recording_an_audit_is_a_ledger_entry_on_the_version(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        (await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits", CompasFairness)).EnsureSuccessStatusCode();
        var entries = await JsonAsync(await server.Http.GetAsync($"/api/v1/audit/entries?resource={Uri.EscapeDataString($"registered_model/{name}/version/1")}"), HttpStatusCode.OK);
        Assert.Contains(entries.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "model_version.record_audit");
    }

    [SkippableTheory, Backends]
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

    [SkippableTheory, Backends]
    public async Task A_data_set_outside_the_folder_is_refused_and_nothing_is_recorded(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var problem = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits",
            new { kind = "fairness", data = "../steward.db", label = "x", prediction = "y", sensitive = new[] { "z" } }), HttpStatusCode.BadRequest);
        Assert.Contains("'data'", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await AuditCountAsync(server, name));
    }

    [SkippableTheory, Backends]
    public async Task A_filter_that_reads_another_file_is_refused_and_nothing_is_recorded(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var other = Path.Combine(server.DataDirectory, "datasets", "telco_scored.csv");
        var problem = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits",
            new
            {
                kind = "fairness", data = "compas/compas-scores-two-years.csv", label = "two_year_recid", prediction = "is_recid",
                sensitive = new[] { "race" }, where = $"race NOT IN (SELECT \"Churn\" FROM read_csv('{other}'))",
            }),
            HttpStatusCode.BadRequest);
        Assert.Contains("file system operations are disabled", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await AuditCountAsync(server, name));
    }

    [SkippableTheory, Backends]
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

    [SkippableTheory, Backends]
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

    [SkippableTheory, Backends]
    public async Task Auditing_a_missing_version_is_not_found(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/9/audits", CompasFairness), HttpStatusCode.NotFound);
    }

    [SkippableTheory, Backends]
    public async Task An_evaluation_below_its_minimum_fails_and_says_which_metric(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var created = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits", new
        {
            kind = "evaluation", data = "telco_scored.csv", label = "Churn", positive = "Yes", score = "score",
            minimums = new Dictionary<string, double> { ["rocAuc"] = 0.99, ["recall"] = 0.0 },
        }), HttpStatusCode.Created);
        Assert.Equal("failed", created.GetProperty("verdict").GetString());
        Assert.StartsWith("rocAuc 0.", created.GetProperty("summary").GetString());
        Assert.EndsWith("below 0.99", created.GetProperty("summary").GetString());
        Assert.Equal("binary", created.GetProperty("report").GetProperty("task").GetString());
    }

    [SkippableTheory, Backends]
    public async Task An_evaluation_bound_on_an_unknown_metric_is_refused(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var problem = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits", new
        {
            kind = "evaluation", data = "telco_scored.csv", label = "Churn", positive = "Yes", score = "score",
            minimums = new Dictionary<string, double> { ["auc"] = 0.7 },
        }), HttpStatusCode.BadRequest);
        Assert.Contains("'auc'", problem.GetProperty("detail").GetString());
        Assert.Contains("rocAuc", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await AuditCountAsync(server, name));
    }

    private static void WriteSample(string path, double shift)
    {
        var random = new Random(7);
        var lines = new List<string> { "tenure,charges" };
        for (var i = 0; i < 2000; i++)
            lines.Add(FormattableString.Invariant($"{random.Next(0, 72)},{random.NextDouble() * 100 + shift}"));
        File.WriteAllLines(path, lines);
    }

    [SkippableTheory, Backends]
    public async Task A_drift_audit_flags_a_shifted_column_and_keeps_the_verdict(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        WriteSample(Path.Combine(server.DataDirectory, "datasets", "reference.csv"), shift: 0);
        WriteSample(Path.Combine(server.DataDirectory, "datasets", "current.csv"), shift: 40);
        var created = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits",
            new { kind = "drift", reference = "reference.csv", current = "current.csv" }), HttpStatusCode.Created);
        var columns = created.GetProperty("report").GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.True(columns["charges"].GetProperty("drifted").GetBoolean());
        Assert.False(columns["tenure"].GetProperty("drifted").GetBoolean());
        Assert.Equal("reference.csv → current.csv", created.GetProperty("data").GetString());
        Assert.StartsWith("1 of 2 columns drifted", created.GetProperty("summary").GetString());
    }

    [SkippableTheory, Backends]
    public async Task A_drift_audit_without_a_current_file_names_it(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        WriteSample(Path.Combine(server.DataDirectory, "datasets", "reference.csv"), shift: 0);
        var problem = await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits",
            new { kind = "drift", reference = "reference.csv" }), HttpStatusCode.BadRequest);
        Assert.Contains("'current'", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await AuditCountAsync(server, name));
    }

    [SkippableTheory, Backends]
    public async Task An_executive_may_not_run_an_audit_and_the_refusal_is_a_ledger_entry(Backend backend)
    {
        var (server, name) = await VersionAsync(backend);
        var user = Unique("exec");
        (await server.Http.PostAsJsonAsync("/api/v1/users", new { name = user, roles = new[] { "executive" } })).EnsureSuccessStatusCode();
        var token = (await JsonAsync(await server.Http.PostAsJsonAsync($"/api/v1/users/{user}/tokens", new { name = "t" }), HttpStatusCode.Created))
            .GetProperty("secret").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/models/{name}/versions/1/audits") { Content = JsonContent.Create(CompasFairness) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await JsonAsync(await server.Http.SendAsync(request), HttpStatusCode.Forbidden);

        Assert.Equal(0, await AuditCountAsync(server, name));
        var entries = await JsonAsync(await server.Http.GetAsync($"/api/v1/audit/entries?resource={Uri.EscapeDataString($"registered_model/{name}/version/1")}"), HttpStatusCode.OK);
        Assert.Contains(entries.GetProperty("entries").EnumerateArray(), e => e.GetProperty("actor").GetString() == user && e.GetProperty("outcome").GetString() == "denied");
    }
}
