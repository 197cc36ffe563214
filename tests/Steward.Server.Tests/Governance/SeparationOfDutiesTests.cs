using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Governance;

/// <summary>
/// Authorship follows the model, not its name: whoever changed a version stays its author after
/// the model is renamed, and after it is deleted and registered again under a name it had.
/// </summary>
public sealed class SeparationOfDutiesTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    private const string Domain = "sod";

    private sealed record Cast(Caller Creator, Caller Tagger, Caller Risk);

    private static async Task<Cast> CastAsync(SecuredServer server) => new(
        await server.NewUserAsync("creator", ["ml-engineer"], Domain),
        await server.NewUserAsync("tagger", ["ml-engineer"], Domain),
        await server.NewUserAsync("rm", ["risk-manager"], Domain));

    /// <summary>Registers a model with version 1, scored low risk (one ml-engineer's approval suffices), and the tagger's tag on it.</summary>
    private static async Task<string> TaggedVersionAsync(SecuredServer server, Cast cast, string? name = null, bool register = true)
    {
        name ??= $"sod-{Guid.NewGuid():N}"[..16];
        if (register) await cast.Creator.Client.CreateModelAsync(name, domain: Domain);
        await cast.Creator.Client.CreateModelVersionAsync(name, "mlflow-artifacts:/0/r/artifacts/model");
        await cast.Tagger.Client.SetModelVersionTagAsync(name, 1, "validated", "yes");
        await ScoreLowAsync(cast, name);
        return name;
    }

    private static Task ScoreLowAsync(Cast cast, string name) =>
        cast.Risk.Client.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "low", ["data_quality"] = "99", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
        });

    private static async Task AssertRefusedAsAuthorAsync(SecuredServer server, Caller approver, string name)
    {
        using var response = await approver.Http.PostAsJsonAsync($"/api/v1/models/{name}/versions/1/approvals", new { decision = "approved" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {response.StatusCode}: {body}");
        Assert.Contains("is one of its authors", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await server.Admin.Client.ListApprovalsAsync(name, "1")).Decisions);
    }

    [SkippableTheory, Backends]
    public async Task whoever_tagged_a_version_may_not_approve_it(Backend backend)
    {
        var server = await servers.For(backend);
        var cast = await CastAsync(server);
        var name = await TaggedVersionAsync(server, cast);
        await AssertRefusedAsAuthorAsync(server, cast.Tagger, name);
    }

    [SkippableTheory, Backends]
    public async Task renaming_the_model_does_not_make_the_tagger_an_approver(Backend backend)
    {
        var server = await servers.For(backend);
        var cast = await CastAsync(server);
        var name = await TaggedVersionAsync(server, cast);
        var renamed = name + "-r";
        await cast.Creator.Client.RenameModelAsync(name, renamed);
        await cast.Creator.Client.RenameModelAsync(renamed, renamed + "2");

        await AssertRefusedAsAuthorAsync(server, cast.Tagger, renamed + "2");
        var authors = await server.Admin.Client.GetVersionAuthorsAsync(renamed + "2", 1);
        Assert.Contains(authors.Authors, a => a.Actor == cast.Tagger.Name && a.Actions.Contains("model_version.set_tag"));
    }

    [SkippableTheory, Backends]
    public async Task deleting_the_model_and_registering_its_name_again_keeps_the_earlier_authors(Backend backend)
    {
        var server = await servers.For(backend);
        var cast = await CastAsync(server);
        var name = await TaggedVersionAsync(server, cast);
        await cast.Creator.Client.DeleteModelAsync(name);
        await cast.Creator.Client.CreateModelAsync(name, domain: Domain);
        await cast.Creator.Client.CreateModelVersionAsync(name, "mlflow-artifacts:/0/r/artifacts/model");
        await ScoreLowAsync(cast, name);

        await AssertRefusedAsAuthorAsync(server, cast.Tagger, name);
    }

    [SkippableTheory, Backends]
    public async Task a_model_renamed_away_deleted_and_registered_again_under_its_new_name_keeps_the_earlier_authors(Backend backend)
    {
        var server = await servers.For(backend);
        var cast = await CastAsync(server);
        var name = await TaggedVersionAsync(server, cast);
        var renamed = name + "-r";
        await cast.Creator.Client.RenameModelAsync(name, renamed);
        await cast.Creator.Client.DeleteModelAsync(renamed);
        await cast.Creator.Client.CreateModelAsync(renamed, domain: Domain);
        await cast.Creator.Client.CreateModelVersionAsync(renamed, "mlflow-artifacts:/0/r/artifacts/model");
        await ScoreLowAsync(cast, renamed);

        await AssertRefusedAsAuthorAsync(server, cast.Tagger, renamed);
    }

    [SkippableTheory, Backends]
    public async Task someone_who_never_wrote_the_version_still_approves_it_after_a_rename(Backend backend)
    {
        var server = await servers.For(backend);
        var cast = await CastAsync(server);
        using var reviewer = await server.NewUserAsync("reviewer", ["ml-engineer"], Domain);
        var name = await TaggedVersionAsync(server, cast);
        await cast.Creator.Client.RenameModelAsync(name, name + "-r");

        await reviewer.Client.DecideAsync(name + "-r", "1", "approved", null);
        Assert.Single((await server.Admin.Client.ListApprovalsAsync(name + "-r", "1")).Decisions);
    }

    [SkippableTheory, Backends]
    public async Task whoever_trained_the_run_a_source_points_into_is_an_author_without_a_run_id(Backend backend)
    {
        var server = await servers.For(backend);
        var cast = await CastAsync(server);
        using var trainer = await server.NewUserAsync("trainer", ["ml-engineer"], Domain);
        var run = await trainer.Client.CreateRunAsync((await trainer.Client.CreateExperimentAsync($"sod-{Guid.NewGuid():N}", domain: Domain)).ExperimentId);
        foreach (var source in new[] { $"{run.ArtifactUri}/model", $"runs:/{run.RunId}/model" })
        {
            var name = $"sod-{Guid.NewGuid():N}"[..16];
            await cast.Creator.Client.CreateModelAsync(name, domain: Domain);
            await cast.Creator.Client.CreateModelVersionAsync(name, source);
            await ScoreLowAsync(cast, name);

            await AssertRefusedAsAuthorAsync(server, trainer, name);
        }
    }
}
