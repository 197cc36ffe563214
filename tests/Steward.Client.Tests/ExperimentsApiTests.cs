using System.Net;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

public sealed class ExperimentsApiTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private readonly StewardClient _client = server.Client;

    [Fact]
    public async Task experiment_create_rename_delete_restore_round_trips()
    {
        var name = StewardServerFixture.Unique("exp");
        var created = await _client.CreateExperimentAsync(name, tags: new Dictionary<string, string> { ["team"] = "risk" });
        Assert.Equal(name, created.Name);
        Assert.Equal("risk", created.Tags["team"]);
        Assert.Equal(LifecycleStage.Active, created.LifecycleStage);

        var renamed = await _client.RenameExperimentAsync(created.ExperimentId, name + "-renamed");
        Assert.Equal(name + "-renamed", renamed.Name);
        Assert.Equal(created.ExperimentId, (await _client.GetExperimentByNameAsync(name + "-renamed")).ExperimentId);

        await _client.DeleteExperimentAsync(created.ExperimentId);
        Assert.Equal(LifecycleStage.Deleted, (await _client.GetExperimentAsync(created.ExperimentId)).LifecycleStage);
        await _client.RestoreExperimentAsync(created.ExperimentId);
        Assert.Equal(LifecycleStage.Active, (await _client.GetExperimentAsync(created.ExperimentId)).LifecycleStage);
    }

    [Fact]
    public async Task experiment_name_with_a_slash_is_found_by_name()
    {
        var name = "/Users/ana/" + StewardServerFixture.Unique("churn");
        var created = await _client.CreateExperimentAsync(name);
        Assert.Equal(created.ExperimentId, (await _client.GetExperimentByNameAsync(name)).ExperimentId);
    }

    [Fact]
    public async Task duplicate_experiment_name_gives_409_problem()
    {
        var name = StewardServerFixture.Unique("dup");
        await _client.CreateExperimentAsync(name);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.CreateExperimentAsync(name));
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("RESOURCE_ALREADY_EXISTS", error.ErrorCode);
        Assert.Equal("https://steward.dev/errors/resource-already-exists", error.ProblemType);
    }

    [Fact]
    public async Task experiment_tags_are_set_and_deleted()
    {
        var experiment = await _client.CreateExperimentAsync(StewardServerFixture.Unique("tags"));
        await _client.SetExperimentTagAsync(experiment.ExperimentId, "owner/team", "fraud");
        Assert.Equal("fraud", (await _client.GetExperimentAsync(experiment.ExperimentId)).Tags["owner/team"]);
        await _client.DeleteExperimentTagAsync(experiment.ExperimentId, "owner/team");
        Assert.False((await _client.GetExperimentAsync(experiment.ExperimentId)).Tags.ContainsKey("owner/team"));
    }

    [Fact]
    public async Task search_pages_through_all_experiments_matching_a_filter()
    {
        var marker = StewardServerFixture.Unique("page");
        for (var i = 0; i < 7; i++)
        {
            await _client.CreateExperimentAsync($"{marker}-{i}", tags: new Dictionary<string, string> { ["batch"] = marker });
        }

        var search = new ExperimentSearch { Filter = $"tags.batch = '{marker}'", OrderBy = ["name ASC"], MaxResults = 3 };
        var first = await _client.SearchExperimentsAsync(search);
        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.NextPageToken);

        var all = await _client.SearchAllExperimentsAsync(search).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"{marker}-{i}"), all.Select(e => e.Name));
    }

    [Fact]
    public async Task deleted_experiments_appear_only_in_deleted_view()
    {
        var experiment = await _client.CreateExperimentAsync(StewardServerFixture.Unique("gone"));
        await _client.DeleteExperimentAsync(experiment.ExperimentId);
        var filter = $"name = '{experiment.Name}'";
        Assert.Empty((await _client.SearchExperimentsAsync(new ExperimentSearch { Filter = filter })).Items);
        Assert.Single((await _client.SearchExperimentsAsync(new ExperimentSearch { Filter = filter, View = ViewType.DeletedOnly })).Items);
    }
}
