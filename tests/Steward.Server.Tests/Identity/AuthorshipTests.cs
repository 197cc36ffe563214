using System.Net;
using Steward.Client;
using Steward.Contracts.Registry;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>Who authored a model version, for separation of duties.</summary>
public sealed class AuthorshipTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    [SkippableTheory, Backends]
    public async Task the_authors_are_the_creators_of_run_model_and_version_and_whoever_changed_the_version(Backend backend)
    {
        var server = await servers.For(backend);
        using var trainer = await server.NewUserAsync("trainer", ["data-scientist"], "retail");
        using var registrar = await server.NewUserAsync("registrar", ["ml-engineer"], "retail");
        using var versioner = await server.NewUserAsync("versioner", ["ml-engineer"], "retail");
        using var releaser = await server.NewUserAsync("releaser", ["release-manager"], "retail");
        using var risk = await server.NewUserAsync("risk", ["risk-manager"]);

        var experiment = await trainer.Client.CreateExperimentAsync($"auth-{Guid.NewGuid():N}");
        var runId = (await trainer.Mlflow.PostAsync("runs/create", new { experiment_id = experiment.ExperimentId })).Ok().GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
        var name = $"model-{Guid.NewGuid():N}";
        await registrar.Client.CreateModelAsync(name);
        await versioner.Client.CreateModelVersionAsync(name, $"mlflow-artifacts:/{experiment.ExperimentId}/{runId}/artifacts/model", runId);
        await registrar.Client.SetModelVersionTagAsync(name, 1, "validated", "yes");
        await releaser.Client.TransitionStageAsync(name, 1, ModelStage.Staging);

        var authors = await risk.Client.GetVersionAuthorsAsync(name, 1);
        Assert.Equal((name, 1), (authors.Name, authors.Version));
        var byActor = authors.Authors.ToDictionary(a => a.Actor);
        Assert.Equal([versioner.Name, registrar.Name, trainer.Name, releaser.Name], authors.Authors.Select(a => a.Actor));
        Assert.Equal(["version-creator", "version-writer"], byActor[versioner.Name].Roles);
        Assert.Equal(["model_version.create"], byActor[versioner.Name].Actions);
        Assert.Equal(["model-creator", "version-writer"], byActor[registrar.Name].Roles);
        Assert.Equal(["model_version.set_tag"], byActor[registrar.Name].Actions);
        Assert.Equal(["run-creator"], byActor[trainer.Name].Roles);
        Assert.Equal(["version-writer"], byActor[releaser.Name].Roles);
        Assert.Equal(["model_version.transition_stage"], byActor[releaser.Name].Actions);
        Assert.DoesNotContain(risk.Name, byActor.Keys);
    }

    [SkippableTheory, Backends]
    public async Task authorship_needs_the_read_ledger_permission_and_an_existing_version(Backend backend)
    {
        var server = await servers.For(backend);
        using var scientist = await server.NewUserAsync("sci", ["data-scientist"], "retail");
        var name = $"model-{Guid.NewGuid():N}";
        await scientist.Client.CreateModelAsync(name);
        await scientist.Client.CreateModelVersionAsync(name, "mlflow-artifacts:/0/r/artifacts/model");

        var denied = await Assert.ThrowsAsync<StewardApiException>(() => scientist.Client.GetVersionAuthorsAsync(name, 1));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var missing = await Assert.ThrowsAsync<StewardApiException>(() => server.Admin.Client.GetVersionAuthorsAsync(name, 2));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
