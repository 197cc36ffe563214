using Steward.Paging;
using Steward.Registry;
using Steward.Storage.Tests.Support;
using Steward.Tracking;
using Steward.Tracking.Search;

namespace Steward.Storage.Tests.Registry;

public abstract partial class RegistryStoreContract
{
    [Fact]
    public async Task model_search_filters_by_name_and_tags_ordered_by_name()
    {
        var prefix = UniqueName("search");
        await NewModelAsync($"{prefix}-b", [new Tag("team", "risk")], now: 100);
        await NewModelAsync($"{prefix}-a", [new Tag("team", "ops")], now: 200);
        await NewModelAsync($"{prefix}-C", [new Tag("team", "risk")], now: 300);

        Assert.Equal([$"{prefix}-C", $"{prefix}-a", $"{prefix}-b"], await SearchModelsAsync($"name LIKE '{prefix}%'"));
        Assert.Equal([$"{prefix}-C"], await SearchModelsAsync($"name LIKE '{prefix}-C'"));
        Assert.Empty(await SearchModelsAsync($"name LIKE '{prefix}-c'"));
        Assert.Equal([$"{prefix}-C"], await SearchModelsAsync($"name ILIKE '{prefix}-c'"));
        Assert.Equal([$"{prefix}-a"], await SearchModelsAsync($"name = '{prefix}-a'"));
        Assert.Equal([$"{prefix}-C", $"{prefix}-b"], await SearchModelsAsync($"name LIKE '{prefix}%' and name != '{prefix}-a'"));
        Assert.Equal([$"{prefix}-C", $"{prefix}-b"], await SearchModelsAsync($"name LIKE '{prefix}%' and tags.team = 'risk'"));
        Assert.Equal([$"{prefix}-C", $"{prefix}-a", $"{prefix}-b"], await SearchModelsAsync($"name LIKE '{prefix}%'", ["timestamp DESC"]));
        Assert.Equal([$"{prefix}-b", $"{prefix}-a", $"{prefix}-C"], await SearchModelsAsync($"name LIKE '{prefix}%'", ["last_updated_timestamp ASC"]));
        Assert.Equal([$"{prefix}-b", $"{prefix}-a", $"{prefix}-C"], await SearchModelsAsync($"name LIKE '{prefix}%'", ["name DESC"]));
    }

    [Fact]
    public async Task model_search_pages_and_returns_latest_versions()
    {
        var prefix = UniqueName("paged");
        for (var i = 0; i < 5; i++)
        {
            var model = await NewModelAsync($"{prefix}-{i}");
            await NewVersionAsync(model.Name);
        }

        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.SearchRegisteredModelsAsync(new RegistryQuery(SearchSyntax.ParseRegisteredModelFilter($"name LIKE '{prefix}%'"), [], 2, PageToken.Decode(token)), None);
            Assert.All(page.Items, m => Assert.Equal(1, Assert.Single(m.LatestVersions).Version));
            names.AddRange(page.Items.Select(m => m.Name));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}"), names);
    }

    [Fact]
    public async Task version_search_filters_every_attribute_and_tags()
    {
        var first = await NewModelAsync(UniqueName("vs-a"));
        var second = await NewModelAsync(UniqueName("vs-b"));
        var runId = Guid.NewGuid().ToString("N");
        await NewVersionAsync(first.Name, runId: runId, tags: [new Tag("quality", "good")]);
        await NewVersionAsync(first.Name);
        await NewVersionAsync(second.Name, runId: runId);
        await Store.TransitionStageAsync(TestChange.Next(), first.Name, 2, ModelStage.Staging, false, 3000, None);
        var source = (await GetVersionAsync(second.Name, 1)).Source;

        var a = first.Name;
        var b = second.Name;
        Assert.Equal([$"{a}/2", $"{a}/1"], await SearchVersionsAsync($"name = '{a}'"));
        Assert.Equal([$"{a}/1", $"{b}/1"], await SearchVersionsAsync($"run_id = '{runId}'"));
        Assert.Equal([$"{a}/1", $"{b}/1"], await SearchVersionsAsync($"run_id IN ('{runId}', 'other')"));
        Assert.Equal([$"{a}/2"], await SearchVersionsAsync($"name = '{a}' and version_number >= 2"));
        Assert.Equal([$"{a}/1"], await SearchVersionsAsync($"name = '{a}' and version_number < 2"));
        Assert.Equal([$"{b}/1"], await SearchVersionsAsync($"source_path = '{source}'"));
        Assert.Equal([$"{a}/2"], await SearchVersionsAsync($"name = '{a}' and current_stage = 'Staging'"));
        Assert.Equal([$"{a}/1"], await SearchVersionsAsync("tags.quality = 'good'" + $" and name = '{a}'"));
        Assert.Equal([$"{a}/1", $"{a}/2"], await SearchVersionsAsync($"name = '{a}'", ["version_number ASC"]));
        // Default order: name ascending, then newest version first.
        var both = (await SearchVersionsAsync("name ILIKE 'VS-%'")).Where(n => n.StartsWith(a, StringComparison.Ordinal) || n.StartsWith(b, StringComparison.Ordinal));
        Assert.Equal([$"{a}/2", $"{a}/1", $"{b}/1"], both);
    }

    [Fact]
    public async Task version_search_returns_full_versions_and_pages()
    {
        var model = await NewModelAsync();
        for (var i = 0; i < 5; i++) await NewVersionAsync(model.Name, tags: [new Tag("i", $"{i + 1}")]);
        await Store.SetAliasAsync(TestChange.Next(), model.Name, "champion", 3, 3000, None);

        var versions = new List<ModelVersion>();
        string? token = null;
        do
        {
            var page = await Store.SearchModelVersionsAsync(new RegistryQuery(SearchSyntax.ParseModelVersionFilter($"name = '{model.Name}'"), [], 2, PageToken.Decode(token)), None);
            versions.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal([5, 4, 3, 2, 1], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal($"{v.Version}", Assert.Single(v.Tags).Value));
        Assert.Equal(["champion"], versions.Single(v => v.Version == 3).Aliases);
    }
}
