using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Steward.Client;
using Steward.Contracts.Governance;
using Steward.Contracts.Identity;
using Steward.Contracts.Registry;
using Steward.Contracts.Tracking;
using Steward.Governance.ModelCards;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Governance;

/// <summary>
/// A model from its first run to production through every lifecycle gate, on a server that
/// requires tokens, with separate identities for the author, the governance side and the risk
/// side — and a high-risk model refused until its three approvers have signed.
/// </summary>
public sealed class LifecycleEndToEndTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    private const string Domain = "lifecycle";

    private sealed record Cast(SecuredServer Server, Caller Author, Caller Officer, Caller Risk, Caller Ethics);

    private async Task<Cast> CastAsync(Backend backend)
    {
        var server = await servers.For(backend);
        var author = await server.NewUserAsync("author", ["ml-engineer", "data-engineer"], Domain);
        // Governance officer who also defines the KPI, releases and collects feedback.
        var officer = await server.NewUserAsync("officer", ["governance-officer", "product-manager", "release-manager", "data-analyst"], Domain);
        var risk = await server.NewUserAsync("risk", ["risk-manager"], Domain);
        var ethics = await server.NewUserAsync("ethics", ["ethics-officer"], Domain);
        return new Cast(server, author, officer, risk, ethics);
    }

    /// <summary>The author's first run (a metric and a training data set) registered as version 1, through the MLflow API.</summary>
    private static async Task<string> FirstRunToVersionAsync(Cast cast, string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        var experiment = await cast.Author.Client.CreateExperimentAsync(name, domain: Domain);
        var run = await cast.Author.Client.CreateRunAsync(experiment.ExperimentId);
        await cast.Author.Client.LogMetricAsync(run.RunId, "auc", 0.81);
        await cast.Author.Client.LogInputsAsync(run.RunId, [new DatasetInput(new Dataset("telco-train", "d41d8cd9", "local", "telco.csv"), new Dictionary<string, string> { ["mlflow.data.context"] = "training" })]);
        (await cast.Author.Mlflow.PostAsync("registered-models/create", new { name, tags = new[] { new { key = "steward.domain", value = Domain } } })).Ok();
        (await cast.Author.Mlflow.PostAsync("model-versions/create", new { name, source = $"{run.ArtifactUri}/model", run_id = run.RunId })).Ok();
        await cast.Officer.Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Owner: cast.Author.Name, Domain: Domain, Purpose: "Churn prediction", Checklists: ["sox"]));
        return name;
    }

    private static async Task CompleteCardAsync(Caller author, string name) =>
        await author.Client.EditModelCardAsync(name, 1, ModelCardSections.All.ToDictionary(s => s.Key, s => $"People's words on {s.Title}."));

    private static async Task AnswerSoxAsync(Caller officer, string name)
    {
        var sox = await officer.Client.GetChecklistAsync("sox");
        foreach (var item in sox.Items.Where(i => i.Required))
            await officer.Client.AnswerChecklistItemAsync(name, 1, "sox", item.Id, "met", [new EvidenceLink("url", $"https://tickets.example.com/{item.Id}")]);
    }

    private static async Task DriftAuditAsync(Cast cast, string name)
    {
        var folder = Path.Combine(cast.Server.Server.DataDirectory, "datasets");
        Directory.CreateDirectory(folder);
        var lines = new List<string> { "tenure,charges" };
        var random = new Random(11);
        for (var i = 0; i < 500; i++) lines.Add(FormattableString.Invariant($"{random.Next(0, 72)},{random.NextDouble() * 100}"));
        await File.WriteAllLinesAsync(Path.Combine(folder, "baseline.csv"), lines);
        var response = await cast.Author.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/audits", new { kind = "drift", reference = "baseline.csv", current = "baseline.csv" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> StageAsync(Caller caller, string name, string stage) =>
        caller.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/stage", new { stage });

    [SkippableTheory, Backends]
    public async Task A_model_goes_from_first_run_to_production_through_every_gate(Backend backend)
    {
        var cast = await CastAsync(backend);
        var name = await FirstRunToVersionAsync(cast, "churn");

        // Staging needs steps 1-4: the KPI and the model card are missing; the run's metric and data set close 2 and 3.
        var refused = await ProblemAsync(await StageAsync(cast.Officer, name, "Staging"), HttpStatusCode.Conflict);
        Assert.Equal("GATE_CLOSED", refused.GetProperty("errorCode").GetString());
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.Contains("[1 business-kpi]", detail);
        Assert.Contains("[4 model-card]", detail);
        Assert.DoesNotContain("feature-pipeline", detail);
        Assert.DoesNotContain("[3 evaluation]", detail);

        await cast.Officer.Client.AttestStepAsync(name, "1", "business-kpi", "https://wiki.example.com/kpi/churn-rate");
        await CompleteCardAsync(cast.Author, name);
        (await cast.Officer.Mlflow.PostAsync("model-versions/transition-stage", new { name, version = "1", stage = "Staging", archive_existing_versions = false })).Ok();

        // Production through the MLflow API is refused in MLflow's format, naming what is missing.
        var mlflowRefusal = await cast.Officer.Mlflow.PostAsync("model-versions/transition-stage", new { name, version = "1", stage = "Production", archive_existing_versions = false });
        Assert.Contains("compliance", mlflowRefusal.Error(HttpStatusCode.Conflict, "RESOURCE_CONFLICT"));
        Assert.Contains("drift-monitoring", mlflowRefusal.Message);
        Assert.Contains("production-approval", mlflowRefusal.Message);
        // Neither may a protected alias be set.
        (await cast.Officer.Mlflow.PostAsync("registered-models/alias", new { name, alias = "champion", version = "1" })).Error(HttpStatusCode.Conflict, "RESOURCE_CONFLICT");

        await AnswerSoxAsync(cast.Officer, name);
        await DriftAuditAsync(cast, name);
        var scorecard = await cast.Risk.Client.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "medium", ["data_quality"] = "80", ["bias_risk"] = "medium", ["deployment_frequency"] = "monthly",
        });
        Assert.Equal("medium", scorecard.Tier);

        // The author may not approve their own version.
        var own = await ProblemAsync(await cast.Author.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/approvals", new { decision = "approved" }), HttpStatusCode.Forbidden);
        Assert.Contains("authors", own.GetProperty("detail").GetString());

        await cast.Officer.Client.DecideAsync(name, "1", "approved", "release checklist done");
        await cast.Risk.Client.DecideAsync(name, "1", "approved", "risk acceptable");
        var lifecycle = await cast.Officer.Client.GetLifecycleAsync(name, "1");
        Assert.True(lifecycle.Gates.Production.Allows, string.Join("; ", lifecycle.Gates.Production.Unmet.Select(u => u.Detail)));
        Assert.All(lifecycle.Steps.Take(8), s => Assert.Equal("done", s.State));

        var promoted = await cast.Officer.Client.TransitionStageAsync(name, 1, ModelStage.Production);
        Assert.Equal(ModelStage.Production, promoted.CurrentStage);
        (await cast.Officer.Mlflow.PostAsync("registered-models/alias", new { name, alias = "champion", version = "1" })).Ok();

        // Every gate evaluation is in the ledger with its verdict: refusals and the passes.
        var entries = await cast.Server.Admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?action=lifecycle.gate&resource={Uri.EscapeDataString($"registered_model/{name}/version/1/gates")}&maxResults=100");
        var outcomes = entries.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["denied", "ok", "denied", "denied", "ok", "ok"], outcomes);
        var decisions = await cast.Server.Admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?action=model_version.approve&resource={Uri.EscapeDataString($"registered_model/{name}/version/1/approvals")}");
        Assert.Equal([cast.Officer.Name, cast.Risk.Name], decisions.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("actor").GetString()));
    }

    [SkippableTheory, Backends]
    public async Task A_high_risk_model_is_refused_until_its_three_approvers_have_signed(Backend backend)
    {
        var cast = await CastAsync(backend);
        var name = await FirstRunToVersionAsync(cast, "credit");
        var expires = cast.Server.Clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        // Steps 1-7 set aside by their owners, so that only the approvals stand in the way.
        foreach (var (caller, step) in new[]
        {
            (cast.Officer, "business-kpi"), (cast.Author, "model-card"), (cast.Officer, "staging-deployment"), (cast.Officer, "compliance"), (cast.Author, "drift-monitoring"),
        })
        {
            await caller.Client.WaiveStepAsync(name, "1", step, "pilot under supervision", expires);
        }

        var scorecard = await cast.Risk.Client.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "high", ["data_quality"] = "60", ["bias_risk"] = "high", ["deployment_frequency"] = "daily",
        });
        Assert.Equal("high", scorecard.Tier);

        var refusal = await ProblemAsync(await StageAsync(cast.Officer, name, "Production"), HttpStatusCode.Conflict);
        Assert.Contains("needs approval by risk-manager, ethics-officer, governance-officer", refusal.GetProperty("detail").GetString());

        await cast.Risk.Client.DecideAsync(name, "1", "approved", null);
        refusal = await ProblemAsync(await StageAsync(cast.Officer, name, "Production"), HttpStatusCode.Conflict);
        Assert.Contains("needs approval by ethics-officer, governance-officer", refusal.GetProperty("detail").GetString());

        await cast.Ethics.Client.DecideAsync(name, "1", "approved", null);
        refusal = await ProblemAsync(await StageAsync(cast.Officer, name, "Production"), HttpStatusCode.Conflict);
        Assert.Contains("needs approval by governance-officer", refusal.GetProperty("detail").GetString());

        await cast.Officer.Client.DecideAsync(name, "1", "approved", null);
        (await ProblemAsync(await StageAsync(cast.Officer, name, "Production"), HttpStatusCode.OK)).GetProperty("currentStage");
    }

    [SkippableTheory, Backends]
    public async Task New_evidence_makes_given_approvals_stale(Backend backend)
    {
        var cast = await CastAsync(backend);
        var name = await FirstRunToVersionAsync(cast, "stale");
        await cast.Risk.Client.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "low", ["data_quality"] = "99", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
        });
        await cast.Officer.Client.DecideAsync(name, "1", "approved", null);
        Assert.True((await cast.Officer.Client.ListApprovalsAsync(name, "1")).Satisfied);

        await DriftAuditAsync(cast, name);

        var approvals = await cast.Officer.Client.ListApprovalsAsync(name, "1");
        Assert.False(approvals.Satisfied);
        var decision = Assert.Single(approvals.Decisions);
        Assert.True(decision.Stale);
        Assert.False(decision.Counts);
    }

    [SkippableTheory, Backends]
    public async Task An_expired_waiver_stops_counting(Backend backend)
    {
        var cast = await CastAsync(backend);
        var name = await FirstRunToVersionAsync(cast, "waived");
        await cast.Officer.Client.AttestStepAsync(name, "1", "business-kpi", "https://wiki.example.com/kpi/retention");
        var expires = cast.Server.Clock.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await cast.Author.Client.WaiveStepAsync(name, "1", "model-card", "card written after the pilot", expires);
        var gate = (await cast.Officer.Client.GetGatesAsync(name, "1")).Staging;
        Assert.True(gate.Allows, string.Join("; ", gate.Unmet.Select(u => u.Detail)));

        cast.Server.Clock.Advance(TimeSpan.FromDays(2));

        var lifecycle = await cast.Officer.Client.GetLifecycleAsync(name, "1");
        var step = lifecycle.Steps.Single(s => s.Key == "model-card");
        Assert.Equal("open", step.State);
        Assert.Null(step.Waiver);
        Assert.False(Assert.Single(step.ExpiredWaivers).Active);
        Assert.Equal(["model-card"], lifecycle.Gates.Staging.Unmet.Select(u => u.Step));
        await ProblemAsync(await StageAsync(cast.Officer, name, "Staging"), HttpStatusCode.Conflict);
    }
}
