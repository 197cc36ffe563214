using System.Net;
using System.Net.Http.Headers;
using Steward.Client;
using Steward.Contracts.Identity;
using Steward.Contracts.Registry;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>The permission table at work: roles and domains decide, on both APIs.</summary>
public sealed class PermissionTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    [SkippableTheory, Backends]
    public async Task an_executive_cannot_create_a_run(Backend backend)
    {
        var server = await servers.For(backend);
        var experimentId = (await server.Admin.Client.CreateExperimentAsync($"exec-{Guid.NewGuid():N}")).ExperimentId;
        using var exec = await server.NewUserAsync("exec", ["executive"], "default");

        var message = (await exec.Mlflow.PostAsync("runs/create", new { experiment_id = experimentId })).Error(HttpStatusCode.Forbidden, "PERMISSION_DENIED");
        Assert.Contains("may not write tracking", message, StringComparison.Ordinal);
        Assert.Contains("executive", message, StringComparison.Ordinal);
        // Reading is every role's.
        (await exec.Mlflow.GetAsync($"experiments/get?experiment_id={experimentId}")).Ok();
    }

    [SkippableTheory, Backends]
    public async Task an_auditor_reads_the_ledger_and_a_data_scientist_cannot(Backend backend)
    {
        var server = await servers.For(backend);
        using var auditor = await server.NewUserAsync("auditor", ["auditor"]);
        using var scientist = await server.NewUserAsync("sci", ["data-scientist"], "risk");

        Assert.NotEmpty((await auditor.Client.ListLedgerEntriesAsync()).Entries);
        Assert.True((await auditor.Client.GetLedgerHeadAsync()).TreeSize > 0);

        var error = await Assert.ThrowsAsync<StewardApiException>(() => scientist.Client.ListLedgerEntriesAsync());
        Assert.Equal((HttpStatusCode.Forbidden, "PERMISSION_DENIED"), (error.StatusCode, error.ErrorCode));
        Assert.Contains("may not read ledger", error.Detail, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StewardApiException>(() => scientist.Client.GetLedgerHeadAsync());
    }

    [SkippableTheory, Backends]
    public async Task a_data_scientist_writes_in_their_domain_and_not_in_another(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "retail");
        using var bob = await server.NewUserAsync("bob", ["data-scientist"], "credit");
        var own = await alice.Client.CreateExperimentAsync($"retail-{Guid.NewGuid():N}");
        var theirs = await bob.Client.CreateExperimentAsync($"credit-{Guid.NewGuid():N}");
        Assert.Equal(("retail", "credit"), (own.Domain, theirs.Domain));

        var run = (await alice.Mlflow.PostAsync("runs/create", new { experiment_id = own.ExperimentId })).Ok().GetProperty("run").GetProperty("info").GetProperty("run_id").GetString();
        (await alice.Mlflow.PostAsync("runs/log-metric", new { run_id = run, key = "auc", value = 0.8, timestamp = 1 })).Ok();

        var denied = (await alice.Mlflow.PostAsync("runs/create", new { experiment_id = theirs.ExperimentId })).Error(HttpStatusCode.Forbidden, "PERMISSION_DENIED");
        Assert.Contains("in domain 'credit'", denied, StringComparison.Ordinal);
        Assert.Contains("retail", denied, StringComparison.Ordinal);

        var bobsRun = (await bob.Mlflow.PostAsync("runs/create", new { experiment_id = theirs.ExperimentId })).Ok().GetProperty("run").GetProperty("info").GetProperty("run_id").GetString();
        (await alice.Mlflow.PostAsync("runs/log-batch", new { run_id = bobsRun, @params = new[] { new { key = "p", value = "1" } } })).Error(HttpStatusCode.Forbidden, "PERMISSION_DENIED");
        (await alice.Mlflow.PostAsync("experiments/set-experiment-tag", new { experiment_id = theirs.ExperimentId, key = "k", value = "v" })).Error(HttpStatusCode.Forbidden, "PERMISSION_DENIED");
        Assert.Empty((await bob.Client.GetRunAsync(bobsRun!)).Params);
    }

    [SkippableTheory, Backends]
    public async Task an_mlflow_client_chooses_the_domain_with_the_steward_domain_tag(Backend backend)
    {
        var server = await servers.For(backend);
        using var carol = await server.NewUserAsync("carol", ["ml-engineer"], "retail", "credit");
        var name = $"tagged-{Guid.NewGuid():N}";
        var id = (await carol.Mlflow.PostAsync("experiments/create", new { name, tags = new[] { new { key = "steward.domain", value = "credit" } } })).Ok().GetProperty("experiment_id").GetString()!;
        var experiment = await carol.Client.GetExperimentAsync(id);
        Assert.Equal("credit", experiment.Domain);
        Assert.False(experiment.Tags.ContainsKey("steward.domain"));

        (await carol.Mlflow.PostAsync("experiments/create", new { name = name + "-x", tags = new[] { new { key = "steward.domain", value = "default" } } }))
            .Error(HttpStatusCode.Forbidden, "PERMISSION_DENIED");
        var missing = (await carol.Mlflow.PostAsync("experiments/create", new { name = name + "-y", tags = new[] { new { key = "steward.domain", value = "nowhere" } } }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("tags.steward.domain", missing, StringComparison.Ordinal);

        var model = (await carol.Mlflow.PostAsync("registered-models/create", new { name = name + "-model" })).Ok();
        Assert.Equal("retail", (await carol.Client.GetModelAsync(name + "-model")).Domain);
        Assert.False(model.GetProperty("registered_model").TryGetProperty("tags", out _));
    }

    [SkippableTheory, Backends]
    public async Task a_release_manager_moves_stages_in_their_domain_but_registers_nothing(Backend backend)
    {
        var server = await servers.For(backend);
        using var engineer = await server.NewUserAsync("eng", ["ml-engineer"], "retail");
        using var release = await server.NewUserAsync("rel", ["release-manager"], "retail");
        using var outsider = await server.NewUserAsync("out", ["release-manager"], "credit");
        var name = $"model-{Guid.NewGuid():N}";
        await engineer.Client.CreateModelAsync(name);
        await engineer.Client.CreateModelVersionAsync(name, "mlflow-artifacts:/0/x/artifacts/model");

        Assert.Equal(ModelStage.Staging, (await release.Client.TransitionStageAsync(name, 1, ModelStage.Staging)).CurrentStage);
        await release.Client.SetAliasAsync(name, "champion", 1);
        var register = await Assert.ThrowsAsync<StewardApiException>(() => release.Client.CreateModelVersionAsync(name, "mlflow-artifacts:/0/y/artifacts/model"));
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        var elsewhere = await Assert.ThrowsAsync<StewardApiException>(() => outsider.Client.TransitionStageAsync(name, 1, ModelStage.Production));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(ModelStage.Staging, (await engineer.Client.GetModelVersionAsync(name, 1)).CurrentStage);
    }

    [SkippableTheory, Backends]
    public async Task only_an_admin_moves_an_experiment_or_a_model_to_another_domain(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "retail", "credit");
        var experiment = await alice.Client.CreateExperimentAsync($"move-{Guid.NewGuid():N}");
        var model = await alice.Client.CreateModelAsync($"move-{Guid.NewGuid():N}");

        var denied = await Assert.ThrowsAsync<StewardApiException>(() => alice.Client.SetExperimentDomainAsync(experiment.ExperimentId, "credit"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        (await alice.Mlflow.PostAsync("experiments/set-experiment-tag", new { experiment_id = experiment.ExperimentId, key = "steward.domain", value = "credit" }))
            .Error(HttpStatusCode.Forbidden, "PERMISSION_DENIED");

        Assert.Equal("credit", (await server.Admin.Client.SetExperimentDomainAsync(experiment.ExperimentId, "credit")).Domain);
        (await server.Admin.Mlflow.PostAsync("registered-models/set-tag", new { name = model.Name, key = "steward.domain", value = "credit" })).Ok();
        Assert.Equal("credit", (await alice.Client.GetModelAsync(model.Name)).Domain);
        var entries = (await server.Admin.Client.ListLedgerEntriesAsync(new LedgerEntrySearch { Action = "experiment.set_domain" })).Entries;
        Assert.Contains(entries, e => e.Resource == $"experiment/{experiment.ExperimentId}" && e.Actor == "admin");
    }

    [SkippableTheory, Backends]
    public async Task artifacts_are_written_only_in_ones_domain_and_executives_download_nothing(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "retail");
        using var bob = await server.NewUserAsync("bob", ["data-scientist"], "credit");
        using var exec = await server.NewUserAsync("exec", ["executive"]);
        var experiment = await alice.Client.CreateExperimentAsync($"art-{Guid.NewGuid():N}");
        var runId = (await alice.Mlflow.PostAsync("runs/create", new { experiment_id = experiment.ExperimentId })).Ok().GetProperty("run").GetProperty("info").GetProperty("run_id").GetString();
        var path = $"/api/2.0/mlflow-artifacts/artifacts/{experiment.ExperimentId}/{runId}/artifacts/model.bin";

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(alice.Http, path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(bob.Http, path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(bob.Http, "/api/2.0/mlflow-artifacts/artifacts/not-an-experiment/file")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.Http.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exec.Http.GetAsync(path)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, string path)
    {
        using var body = new ByteArrayContent([1, 2, 3]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await http.PutAsync(path, body);
    }
}
