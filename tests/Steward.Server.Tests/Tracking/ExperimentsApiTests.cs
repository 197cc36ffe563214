using System.Net;
using System.Text.Json;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Tracking;

/// <summary>Experiment RPCs and their errors, as MLflow clients see them.</summary>
public sealed class ExperimentsApiTests(ApiServers servers) : ApiTests(servers)
{
    [SkippableTheory, Backends]
    public async Task the_default_experiment_0_exists_from_the_start(Backend backend)
    {
        var api = await ApiAsync(backend);
        var experiment = (await api.GetAsync("experiments/get?experiment_id=0")).Ok().GetProperty("experiment");
        Assert.Equal("Default", experiment.GetProperty("name").GetString());
        Assert.Equal("active", experiment.GetProperty("lifecycle_stage").GetString());
    }

    [SkippableTheory, Backends]
    public async Task a_created_experiment_reads_back_with_its_tags_and_proxied_artifact_location(Backend backend)
    {
        var api = await ApiAsync(backend);
        var name = Unique("exp");
        var id = (await api.PostAsync("experiments/create", new { name, tags = new[] { new { key = "team", value = "a" } } })).Ok().GetProperty("experiment_id").GetString();
        var experiment = (await api.GetAsync($"experiments/get?experiment_id={id}")).Ok().GetProperty("experiment");
        Assert.Equal(name, experiment.GetProperty("name").GetString());
        Assert.Equal($"mlflow-artifacts:/{id}", experiment.GetProperty("artifact_location").GetString());
        Assert.True(experiment.GetProperty("creation_time").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Number, experiment.GetProperty("last_update_time").ValueKind);
        var tag = Assert.Single(experiment.GetProperty("tags").EnumerateArray());
        Assert.Equal(("team", "a"), (tag.GetProperty("key").GetString(), tag.GetProperty("value").GetString()));
        var byName = (await api.GetAsync($"experiments/get-by-name?experiment_name={name}")).Ok().GetProperty("experiment");
        Assert.Equal(id, byName.GetProperty("experiment_id").GetString());
    }

    [SkippableTheory, Backends]
    public async Task an_unknown_experiment_id_is_404_resource_does_not_exist(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.GetAsync("experiments/get?experiment_id=999999");
        Assert.Equal("No Experiment with id=999999 exists", response.Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST"));
    }

    [SkippableTheory, Backends]
    public async Task an_unknown_experiment_name_is_404_resource_does_not_exist(Backend backend)
    {
        var api = await ApiAsync(backend);
        var response = await api.GetAsync("experiments/get-by-name?experiment_name=nope");
        Assert.Equal("Could not find experiment with name 'nope'", response.Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST"));
    }

    [SkippableTheory, Backends]
    public async Task a_duplicate_experiment_name_is_400_resource_already_exists(Backend backend)
    {
        var api = await ApiAsync(backend);
        var name = Unique("dup");
        await api.CreateExperimentAsync(name);
        var response = await api.PostAsync("experiments/create", new { name });
        Assert.StartsWith($"Experiment(name={name}) already exists", response.Error(HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS"));
    }

    [SkippableTheory, Backends]
    public async Task search_filters_by_name_and_pages_with_a_token(Backend backend)
    {
        var api = await ApiAsync(backend);
        var prefix = Unique("page");
        for (var i = 0; i < 3; i++) await api.CreateExperimentAsync($"{prefix}-{i}");
        var filter = $"name LIKE '{prefix}-%'";
        var first = (await api.PostAsync("experiments/search", new { filter, max_results = 2, order_by = new[] { "name ASC" } })).Ok();
        Assert.Equal([$"{prefix}-0", $"{prefix}-1"], first.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        var token = first.GetProperty("next_page_token").GetString();
        var second = (await api.PostAsync("experiments/search", new { filter, max_results = 2, order_by = new[] { "name ASC" }, page_token = token })).Ok();
        Assert.Equal([$"{prefix}-2"], second.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.False(second.TryGetProperty("next_page_token", out _));
        var viaGet = (await api.GetAsync($"experiments/search?filter={Uri.EscapeDataString(filter)}&max_results=10")).Ok();
        Assert.Equal(3, viaGet.GetProperty("experiments").GetArrayLength());
    }

    [SkippableTheory, Backends]
    public async Task update_renames_an_experiment(Backend backend)
    {
        var api = await ApiAsync(backend);
        var id = await api.CreateExperimentAsync();
        var newName = Unique("renamed");
        Assert.Equal("{}", (await api.PostAsync("experiments/update", new { experiment_id = id, new_name = newName })).Body);
        Assert.Equal(newName, (await api.GetAsync($"experiments/get?experiment_id={id}")).Ok().GetProperty("experiment").GetProperty("name").GetString());
    }

    [SkippableTheory, Backends]
    public async Task deleting_an_experiment_deletes_its_runs_and_restoring_brings_both_back(Backend backend)
    {
        var api = await ApiAsync(backend);
        var id = await api.CreateExperimentAsync();
        var runId = await api.CreateRunAsync(id);
        (await api.PostAsync("experiments/delete", new { experiment_id = id })).Ok();
        Assert.Equal("deleted", (await api.GetAsync($"experiments/get?experiment_id={id}")).Ok().GetProperty("experiment").GetProperty("lifecycle_stage").GetString());
        Assert.Equal("deleted", (await api.GetRunAsync(runId)).GetProperty("info").GetProperty("lifecycle_stage").GetString());
        var deleted = (await api.PostAsync("experiments/search", new { view_type = "DELETED_ONLY", max_results = 1000 })).Ok();
        Assert.Contains(deleted.GetProperty("experiments").EnumerateArray(), e => e.GetProperty("experiment_id").GetString() == id);

        (await api.PostAsync("experiments/restore", new { experiment_id = id })).Ok();
        Assert.Equal("active", (await api.GetRunAsync(runId)).GetProperty("info").GetProperty("lifecycle_stage").GetString());
    }

    [SkippableTheory, Backends]
    public async Task writing_to_a_deleted_experiment_is_refused(Backend backend)
    {
        var api = await ApiAsync(backend);
        var id = await api.CreateExperimentAsync();
        (await api.PostAsync("experiments/delete", new { experiment_id = id })).Ok();
        var tag = await api.PostAsync("experiments/set-experiment-tag", new { experiment_id = id, key = "k", value = "v" });
        Assert.Contains("must be in the 'active' state", tag.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
        var run = await api.PostAsync("runs/create", new { experiment_id = id });
        run.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
    }

    [SkippableTheory, Backends]
    public async Task experiment_tags_are_set_and_deleted(Backend backend)
    {
        var api = await ApiAsync(backend);
        var id = await api.CreateExperimentAsync();
        (await api.PostAsync("experiments/set-experiment-tag", new { experiment_id = id, key = "note", value = "x" })).Ok();
        var tags = (await api.GetAsync($"experiments/get?experiment_id={id}")).Ok().GetProperty("experiment").GetProperty("tags");
        Assert.Contains(tags.EnumerateArray(), t => t.GetProperty("key").GetString() == "note");
        (await api.PostAsync("experiments/delete-experiment-tag", new { experiment_id = id, key = "note" })).Ok();
        var after = (await api.GetAsync($"experiments/get?experiment_id={id}")).Ok().GetProperty("experiment");
        Assert.False(after.TryGetProperty("tags", out _), "an experiment without tags has no tags field");
    }
}
