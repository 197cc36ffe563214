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
        Assert.Equal([versioner.Name, registrar.Name, trainer.Name], authors.Authors.Select(a => a.Actor));
        Assert.Equal(["version-creator", "version-writer"], byActor[versioner.Name].Roles);
        Assert.Equal(["model_version.create"], byActor[versioner.Name].Actions);
        Assert.Equal(["model-creator", "version-writer"], byActor[registrar.Name].Roles);
        Assert.Equal(["model_version.set_tag"], byActor[registrar.Name].Actions);
        Assert.Equal(["run-creator"], byActor[trainer.Name].Roles);
        var other = Assert.Single(authors.OtherActors);
        Assert.Equal(releaser.Name, other.Actor);
        Assert.Equal(["model_version.transition_stage"], other.Actions);
        Assert.DoesNotContain(risk.Name, byActor.Keys);
    }

    [SkippableTheory, Backends]
    public async Task whoever_only_moved_the_stage_is_no_author_and_may_approve_while_a_tag_writer_is_one_and_may_not(Backend backend)
    {
        var server = await servers.For(backend);
        using var creator = await server.NewUserAsync("creator", ["ml-engineer"], "retail");
        using var mover = await server.NewUserAsync("mover", ["ml-engineer"], "retail");
        using var tagger = await server.NewUserAsync("tagger", ["ml-engineer"], "retail");
        using var risk = await server.NewUserAsync("risk", ["risk-manager"]);
        var name = $"model-{Guid.NewGuid():N}";
        await creator.Client.CreateModelAsync(name);
        await creator.Client.CreateModelVersionAsync(name, "mlflow-artifacts:/0/r/artifacts/model");
        await tagger.Client.SetModelVersionTagAsync(name, 1, "validated", "yes");
        await mover.Client.TransitionStageAsync(name, 1, ModelStage.Staging);
        await risk.Client.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "low", ["data_quality"] = "99", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
        });

        var authors = await server.Admin.Client.GetVersionAuthorsAsync(name, 1);
        Assert.Contains(authors.Authors, a => a.Actor == tagger.Name && a.Roles.SequenceEqual(["version-writer"]) && a.Actions.SequenceEqual(["model_version.set_tag"]));
        Assert.DoesNotContain(authors.Authors, a => a.Actor == mover.Name);
        Assert.Contains(authors.OtherActors, a => a.Actor == mover.Name && a.Actions.Contains("model_version.transition_stage"));

        var refused = await Assert.ThrowsAsync<StewardApiException>(() => tagger.Client.DecideAsync(name, "1", "approved", null));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await mover.Client.DecideAsync(name, "1", "approved", null);
        Assert.Equal([mover.Name], (await server.Admin.Client.ListApprovalsAsync(name, "1")).Decisions.Select(d => d.Approver));
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
