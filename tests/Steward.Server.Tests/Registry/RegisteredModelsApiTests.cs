using System.Net;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Registry;

/// <summary>Registered models: lifecycle, tags, aliases, search, and their errors.</summary>
public sealed class RegisteredModelsApiTests(ApiServers servers) : ApiTests(servers)
{
    [SkippableTheory, Backends]
    public async Task a_registered_model_is_created_updated_renamed_and_deleted(Backend backend)
    {
        var api = await ApiAsync(backend);
        var name = Unique("model");
        var created = (await api.PostAsync("registered-models/create", new { name, description = "first", tags = new[] { new { key = "team", value = "a" } } })).Ok().GetProperty("registered_model");
        Assert.Equal(name, created.GetProperty("name").GetString());
        Assert.Equal("first", created.GetProperty("description").GetString());
        Assert.False(created.TryGetProperty("latest_versions", out _));

        var updated = (await api.PatchAsync("registered-models/update", new { name, description = "second" })).Ok().GetProperty("registered_model");
        Assert.Equal("second", updated.GetProperty("description").GetString());

        var newName = name + "-x";
        Assert.Equal(newName, (await api.PostAsync("registered-models/rename", new { name, new_name = newName })).Ok().GetProperty("registered_model").GetProperty("name").GetString());
        (await api.GetAsync($"registered-models/get?name={name}")).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");

        (await api.DeleteAsync("registered-models/delete", new { name = newName })).Ok();
        Assert.Equal($"Registered Model with name={newName} not found", (await api.GetAsync($"registered-models/get?name={newName}")).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST"));
    }

    [SkippableTheory, Backends]
    public async Task a_duplicate_model_name_is_400_resource_already_exists(Backend backend)
    {
        var api = await ApiAsync(backend);
        var name = Unique("dup");
        (await api.PostAsync("registered-models/create", new { name })).Ok();
        (await api.PostAsync("registered-models/create", new { name })).Error(HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS");
    }

    [SkippableTheory, Backends]
    public async Task model_tags_are_set_and_deleted_with_a_delete_body(Backend backend)
    {
        var api = await ApiAsync(backend);
        var name = Unique("tags");
        (await api.PostAsync("registered-models/create", new { name })).Ok();
        (await api.PostAsync("registered-models/set-tag", new { name, key = "owner", value = "ann" })).Ok();
        Assert.Equal("ann", (await api.GetAsync($"registered-models/get?name={name}")).Ok().GetProperty("registered_model").GetProperty("tags")[0].GetProperty("value").GetString());
        (await api.DeleteAsync("registered-models/delete-tag", new { name, key = "owner" })).Ok();
        Assert.False((await api.GetAsync($"registered-models/get?name={name}")).Ok().GetProperty("registered_model").TryGetProperty("tags", out _));
    }

    [SkippableTheory, Backends]
    public async Task aliases_point_at_versions_and_a_missing_alias_is_400(Backend backend)
    {
        var api = await ApiAsync(backend);
        var name = Unique("alias");
        (await api.PostAsync("registered-models/create", new { name })).Ok();
        var runId = await api.CreateRunAsync();
        (await api.PostAsync("model-versions/create", new { name, source = $"runs:/{runId}/model", run_id = runId })).Ok();
        (await api.PostAsync("registered-models/alias", new { name, alias = "champion", version = "1" })).Ok();

        var version = (await api.GetAsync($"registered-models/alias?name={name}&alias=champion")).Ok().GetProperty("model_version");
        Assert.Equal("1", version.GetProperty("version").GetString());
        Assert.Equal(["champion"], version.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        var model = (await api.GetAsync($"registered-models/get?name={name}")).Ok().GetProperty("registered_model");
        Assert.Equal("1", model.GetProperty("aliases")[0].GetProperty("version").GetString());

        (await api.DeleteAsync("registered-models/alias", new { name, alias = "champion" })).Ok();
        var missing = await api.GetAsync($"registered-models/alias?name={name}&alias=champion");
        Assert.Equal("Registered model alias champion not found.", missing.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [SkippableTheory, Backends]
    public async Task search_finds_models_by_name_pattern(Backend backend)
    {
        var api = await ApiAsync(backend);
        var prefix = Unique("srch");
        foreach (var suffix in new[] { "a", "b", "c" }) (await api.PostAsync("registered-models/create", new { name = $"{prefix}-{suffix}" })).Ok();
        var filter = Uri.EscapeDataString($"name LIKE '{prefix}-%'");
        var first = (await api.GetAsync($"registered-models/search?filter={filter}&max_results=2")).Ok();
        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], first.GetProperty("registered_models").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var token = Uri.EscapeDataString(first.GetProperty("next_page_token").GetString()!);
        var second = (await api.GetAsync($"registered-models/search?filter={filter}&max_results=2&page_token={token}")).Ok();
        Assert.Equal([$"{prefix}-c"], second.GetProperty("registered_models").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }
}
