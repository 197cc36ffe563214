using System.Net;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

public sealed class RegistryApiTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private readonly StewardClient _client = server.Client;

    /// <summary>A model with <paramref name="versions"/> versions made from one run.</summary>
    private async Task<(string Name, string RunId)> NewModelAsync(int versions)
    {
        var experiment = await _client.CreateExperimentAsync(StewardServerFixture.Unique("reg"));
        var run = await _client.CreateRunAsync(experiment.ExperimentId);
        var model = await _client.CreateModelAsync(StewardServerFixture.Unique("churn"), "predicts churn");
        for (var i = 0; i < versions; i++) await _client.CreateModelVersionAsync(model.Name, $"runs:/{run.RunId}/model", run.RunId);
        return (model.Name, run.RunId);
    }

    [Fact]
    public async Task model_is_created_updated_renamed_and_deleted()
    {
        var (name, _) = await NewModelAsync(0);
        Assert.Equal("predicts churn", (await _client.GetModelAsync(name)).Description);
        Assert.Equal("v2 description", (await _client.UpdateModelAsync(name, "v2 description")).Description);

        var renamed = await _client.RenameModelAsync(name, name + "-x");
        Assert.Equal(name + "-x", renamed.Name);
        var gone = await Assert.ThrowsAsync<StewardApiException>(() => _client.GetModelAsync(name));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        await _client.DeleteModelAsync(name + "-x");
        await Assert.ThrowsAsync<StewardApiException>(() => _client.GetModelAsync(name + "-x"));
    }

    [Fact]
    public async Task duplicate_model_name_gives_409()
    {
        var (name, _) = await NewModelAsync(0);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.CreateModelAsync(name));
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
    }

    [Fact]
    public async Task versions_number_from_one_and_list_newest_first()
    {
        var (name, runId) = await NewModelAsync(3);
        var page = await _client.ListModelVersionsAsync(name);
        Assert.Equal([3, 2, 1], page.Items.Select(v => v.Version));
        Assert.All(page.Items, v => Assert.Equal(runId, v.RunId));
        Assert.All(page.Items, v => Assert.Equal(ModelStage.None, v.CurrentStage));
    }

    [Fact]
    public async Task stage_transition_archives_existing_production_version()
    {
        var (name, _) = await NewModelAsync(2);
        Assert.Equal(ModelStage.Production, (await _client.TransitionStageAsync(name, 1, ModelStage.Production)).CurrentStage);

        var promoted = await _client.TransitionStageAsync(name, 2, ModelStage.Production, archiveExistingVersions: true);
        Assert.Equal(ModelStage.Production, promoted.CurrentStage);
        Assert.Equal(ModelStage.Archived, (await _client.GetModelVersionAsync(name, 1)).CurrentStage);

        var latest = await _client.GetLatestVersionsAsync(name, [ModelStage.Production]);
        Assert.Equal(2, Assert.Single(latest).Version);
    }

    [Fact]
    public async Task unknown_stage_is_rejected_by_name()
    {
        var (name, _) = await NewModelAsync(1);
        using var response = await server.Http.PostAsync(
            $"api/v1/models/{name}/versions/1/stage",
            new StringContent("{\"stage\":\"Prod\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Prod", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task alias_resolves_to_version()
    {
        var (name, _) = await NewModelAsync(2);
        var version = await _client.SetAliasAsync(name, "champion", 2);
        Assert.Contains("champion", version.Aliases);
        Assert.Equal(2, (await _client.GetModelVersionByAliasAsync(name, "champion")).Version);
        Assert.Equal(2, (await _client.GetModelAsync(name)).Aliases["champion"]);

        // Moving the alias re-points it.
        await _client.SetAliasAsync(name, "champion", 1);
        Assert.Equal(1, (await _client.GetModelVersionByAliasAsync(name, "champion")).Version);

        await _client.DeleteAliasAsync(name, "champion");
        await Assert.ThrowsAsync<StewardApiException>(() => _client.GetModelVersionByAliasAsync(name, "champion"));
    }

    [Fact]
    public async Task reserved_alias_is_rejected()
    {
        var (name, _) = await NewModelAsync(1);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.SetAliasAsync(name, "latest", 1));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task alias_to_a_missing_version_gives_404()
    {
        var (name, _) = await NewModelAsync(1);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.SetAliasAsync(name, "champion", 9));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task model_and_version_tags_and_descriptions_are_kept()
    {
        var (name, _) = await NewModelAsync(1);
        await _client.SetModelTagAsync(name, "owner", "risk-team");
        await _client.SetModelVersionTagAsync(name, 1, "validated", "yes");
        await _client.UpdateModelVersionAsync(name, 1, "first cut");

        Assert.Equal("risk-team", (await _client.GetModelAsync(name)).Tags["owner"]);
        var version = await _client.GetModelVersionAsync(name, 1);
        Assert.Equal("yes", version.Tags["validated"]);
        Assert.Equal("first cut", version.Description);

        await _client.DeleteModelVersionTagAsync(name, 1, "validated");
        await _client.DeleteModelTagAsync(name, "owner");
        Assert.Empty((await _client.GetModelVersionAsync(name, 1)).Tags);
        Assert.Empty((await _client.GetModelAsync(name)).Tags);
    }

    [Fact]
    public async Task deleted_version_number_is_not_reused()
    {
        var (name, runId) = await NewModelAsync(2);
        await _client.DeleteModelVersionAsync(name, 2);
        Assert.Equal(3, (await _client.CreateModelVersionAsync(name, $"runs:/{runId}/model", runId)).Version);
    }

    [Fact]
    public async Task version_search_filters_by_run_id()
    {
        var (name, runId) = await NewModelAsync(2);
        var versions = await _client.SearchAllModelVersionsAsync(new RegistrySearch { Filter = $"run_id = '{runId}'" }).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.Equal(name, v.Name));
    }

    [Fact]
    public async Task search_pages_through_all_models()
    {
        var prefix = StewardServerFixture.Unique("paged");
        for (var i = 0; i < 5; i++) await _client.CreateModelAsync($"{prefix}-{i}");
        var search = new RegistrySearch { Filter = $"name LIKE '{prefix}%'", OrderBy = ["name ASC"], MaxResults = 2 };
        Assert.Equal(2, (await _client.SearchModelsAsync(search)).Items.Count);
        var all = await _client.SearchAllModelsAsync(search).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}"), all.Select(m => m.Name));
    }

    [Fact]
    public async Task version_for_a_missing_run_gives_404()
    {
        var (name, _) = await NewModelAsync(0);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.CreateModelVersionAsync(name, "runs:/nope/model", "nope"));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
