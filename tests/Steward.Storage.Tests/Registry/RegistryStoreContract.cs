using Steward.Errors;
using Steward.Paging;
using Steward.Registry;
using Steward.Storage.Tests.Support;
using Steward.Tracking;
using Steward.Tracking.Search;

namespace Steward.Storage.Tests.Registry;

/// <summary>What every <see cref="IRegistryStore"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract partial class RegistryStoreContract(StorageFixture fixture)
{
    protected StorageFixture Fixture => fixture;

    protected IRegistryStore Store => fixture.Storage.Registry;

    protected static CancellationToken None => CancellationToken.None;

    protected static string UniqueName(string prefix = "model") => $"{prefix}-{Guid.NewGuid():N}";

    protected Task<RegisteredModel> NewModelAsync(string? name = null, IReadOnlyList<Tag>? tags = null, long now = 1000) =>
        Store.CreateRegisteredModelAsync(TestChange.Next(), name ?? UniqueName(), "a model", tags ?? [], "alice", "default", now, None);

    protected Task<ModelVersion> NewVersionAsync(string name, long now = 2000, IReadOnlyList<Tag>? tags = null, string? runId = null) =>
        Store.CreateModelVersionAsync(TestChange.Next(), new NewModelVersion(name, $"mlflow-artifacts:/1/{Guid.NewGuid():N}/artifacts/model", runId, tags ?? [], "", "v", "bob", now), None);

    protected async Task<RegisteredModel> GetModelAsync(string name) =>
        await Store.GetRegisteredModelAsync(name, None) ?? throw new InvalidOperationException($"model {name} vanished");

    protected async Task<ModelVersion> GetVersionAsync(string name, int version) =>
        await Store.GetModelVersionAsync(name, version, None) ?? throw new InvalidOperationException($"version {name}/{version} vanished");

    protected async Task<List<string>> SearchModelsAsync(string filter, IReadOnlyList<string>? orderBy = null, int max = 100) =>
        (await Store.SearchRegisteredModelsAsync(new RegistryQuery(SearchSyntax.ParseRegisteredModelFilter(filter), SearchSyntax.ParseRegisteredModelOrderBy(orderBy), max, 0), None))
            .Items.Select(m => m.Name).ToList();

    protected async Task<List<string>> SearchVersionsAsync(string filter, IReadOnlyList<string>? orderBy = null) =>
        (await Store.SearchModelVersionsAsync(new RegistryQuery(SearchSyntax.ParseModelVersionFilter(filter), SearchSyntax.ParseModelVersionOrderBy(orderBy), 1000, 0), None))
            .Items.Select(v => $"{v.Name}/{v.Version}").ToList();

    protected static async Task<StewardException> ThrowsAsync(ErrorCode code, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<StewardException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }

    [Fact]
    public async Task created_model_is_read_back_with_its_tags()
    {
        var name = UniqueName();
        var created = await Store.CreateRegisteredModelAsync(TestChange.Next(), name, "desc", [new Tag("owner", "risk")], "alice", "default", 1234, None);
        var model = await GetModelAsync(name);
        Assert.Equal(name, model.Name);
        Assert.Equal(1234, model.CreationTimestamp);
        Assert.Equal(1234, model.LastUpdatedTimestamp);
        Assert.Equal("alice", model.UserId);
        Assert.Equal("desc", model.Description);
        Assert.Equal([new Tag("owner", "risk")], model.Tags);
        Assert.Empty(model.LatestVersions);
        Assert.Empty(model.Aliases);
        Assert.Equal(created.Tags, model.Tags);
    }

    [Fact]
    public async Task duplicate_model_name_already_exists()
    {
        var model = await NewModelAsync();
        var error = await ThrowsAsync(ErrorCode.ResourceAlreadyExists, () => NewModelAsync(model.Name));
        Assert.Equal($"Registered Model (name={model.Name}) already exists.", error.Message);
    }

    [Fact]
    public async Task missing_models_and_versions_are_not_found_with_mlflow_messages()
    {
        Assert.Null(await Store.GetRegisteredModelAsync("nope", None));
        Assert.Null(await Store.GetModelVersionAsync("nope", 1, None));
        var error = await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.UpdateRegisteredModelAsync(TestChange.Next(), "nope", "d", 1, None));
        Assert.Equal("Registered Model with name=nope not found", error.Message);
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.DeleteRegisteredModelAsync(TestChange.Next(), "nope", None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.RenameRegisteredModelAsync(TestChange.Next(), "nope", UniqueName(), 1, None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.SetRegisteredModelTagAsync(TestChange.Next(), "nope", new Tag("k", "v"), 1, None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.GetLatestVersionsAsync("nope", [], None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => NewVersionAsync("nope"));

        var model = await NewModelAsync("m-" + Guid.NewGuid().ToString("N"));
        error = await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.UpdateModelVersionAsync(TestChange.Next(), model.Name, 2, "d", 1, None));
        Assert.Equal($"Model Version (name={model.Name}, version=2) not found", error.Message);
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.DeleteModelVersionAsync(TestChange.Next(), model.Name, 2, 3000, None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.TransitionStageAsync(TestChange.Next(), model.Name, 2, ModelStage.Staging, false, 1, None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.SetModelVersionTagAsync(TestChange.Next(), model.Name, 2, new Tag("k", "v"), 1, None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.SetAliasAsync(TestChange.Next(), model.Name, "champion", 2, 1, None));
    }

    [Fact]
    public async Task update_changes_the_description_and_bumps_last_updated()
    {
        var model = await NewModelAsync();
        var updated = await Store.UpdateRegisteredModelAsync(TestChange.Next(), model.Name, "better", 5000, None);
        Assert.Equal("better", updated.Description);
        Assert.Equal(5000, updated.LastUpdatedTimestamp);
        Assert.Equal(model.CreationTimestamp, updated.CreationTimestamp);
        Assert.Equal(updated, await GetModelAsync(model.Name), ModelEquality.Instance);
    }

    [Fact]
    public async Task model_tags_are_set_overwritten_and_deleted()
    {
        var model = await NewModelAsync();
        await Store.SetRegisteredModelTagAsync(TestChange.Next(), model.Name, new Tag("a", "1"), 3000, None);
        await Store.SetRegisteredModelTagAsync(TestChange.Next(), model.Name, new Tag("a", "2"), 3000, None);
        await Store.SetRegisteredModelTagAsync(TestChange.Next(), model.Name, new Tag("b", "3"), 4000, None);
        var tagged = await GetModelAsync(model.Name);
        Assert.Equal([new Tag("a", "2"), new Tag("b", "3")], tagged.Tags);
        Assert.Equal(4000, tagged.LastUpdatedTimestamp);
        await Store.DeleteRegisteredModelTagAsync(TestChange.Next(), model.Name, "a", 5000, None);
        await Store.DeleteRegisteredModelTagAsync(TestChange.Next(), model.Name, "absent", 5000, None);
        Assert.Equal([new Tag("b", "3")], (await GetModelAsync(model.Name)).Tags);
    }

    [Fact]
    public async Task versions_are_numbered_from_one_ready_and_in_stage_none()
    {
        var model = await NewModelAsync();
        var runId = Guid.NewGuid().ToString("N");
        var v1 = await Store.CreateModelVersionAsync(TestChange.Next(), new NewModelVersion(model.Name, "mlflow-artifacts:/1/r/artifacts/model", runId, [new Tag("k", "v")], "http://link", "first", "bob", 7000), None);
        var v2 = await NewVersionAsync(model.Name);
        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.Equal("READY", v1.Status);
        Assert.Equal(ModelStage.None, v1.CurrentStage);
        Assert.Equal(7000, v1.CreationTimestamp);
        Assert.Equal(7000, v1.LastUpdatedTimestamp);
        Assert.Equal("mlflow-artifacts:/1/r/artifacts/model", v1.Source);
        Assert.Equal(runId, v1.RunId);
        Assert.Equal("http://link", v1.RunLink);
        Assert.Equal("first", v1.Description);
        Assert.Equal("bob", v1.UserId);
        Assert.Equal([new Tag("k", "v")], v1.Tags);
        Assert.Empty(v1.Aliases);
        Assert.Null(v2.RunId);
        Assert.Equal(v1, await GetVersionAsync(model.Name, 1), VersionEquality.Instance);
        Assert.True((await GetModelAsync(model.Name)).LastUpdatedTimestamp >= 2000);
    }

    [Fact]
    public async Task version_numbers_are_not_reused_after_delete()
    {
        var model = await NewModelAsync();
        await NewVersionAsync(model.Name);
        await NewVersionAsync(model.Name);
        await Store.DeleteModelVersionAsync(TestChange.Next(), model.Name, 2, 3000, None);
        Assert.Null(await Store.GetModelVersionAsync(model.Name, 2, None));
        Assert.Equal(3, (await NewVersionAsync(model.Name)).Version);
    }

    [Fact]
    public async Task deleting_a_version_stamps_its_model_with_the_time_given()
    {
        var model = await NewModelAsync();
        await NewVersionAsync(model.Name, now: 2000);
        await Store.DeleteModelVersionAsync(TestChange.Next(), model.Name, 1, 7000, None);
        Assert.Equal(7000, (await GetModelAsync(model.Name)).LastUpdatedTimestamp);
    }

    [Fact]
    public async Task version_description_and_tags_change()
    {
        var model = await NewModelAsync();
        await NewVersionAsync(model.Name);
        var updated = await Store.UpdateModelVersionAsync(TestChange.Next(), model.Name, 1, "tuned", 8000, None);
        Assert.Equal("tuned", updated.Description);
        Assert.Equal(8000, updated.LastUpdatedTimestamp);
        await Store.SetModelVersionTagAsync(TestChange.Next(), model.Name, 1, new Tag("a", "1"), 8100, None);
        await Store.SetModelVersionTagAsync(TestChange.Next(), model.Name, 1, new Tag("a", "2"), 8200, None);
        await Store.SetModelVersionTagAsync(TestChange.Next(), model.Name, 1, new Tag("b", "x"), 8300, None);
        await Store.DeleteModelVersionTagAsync(TestChange.Next(), model.Name, 1, "b", 8400, None);
        var version = await GetVersionAsync(model.Name, 1);
        Assert.Equal([new Tag("a", "2")], version.Tags);
        Assert.Equal(8400, version.LastUpdatedTimestamp);
    }

    [Fact]
    public async Task transition_with_archive_existing_archives_the_others_in_that_stage()
    {
        var model = await NewModelAsync();
        for (var i = 0; i < 3; i++) await NewVersionAsync(model.Name);
        await Store.TransitionStageAsync(TestChange.Next(), model.Name, 1, ModelStage.Production, false, 3000, None);
        await Store.TransitionStageAsync(TestChange.Next(), model.Name, 2, ModelStage.Production, false, 3000, None);
        await Store.TransitionStageAsync(TestChange.Next(), model.Name, 3, ModelStage.Staging, false, 3000, None);
        var moved = await Store.TransitionStageAsync(TestChange.Next(), model.Name, 3, ModelStage.Production, true, 4000, None);

        Assert.Equal(ModelStage.Production, moved.CurrentStage);
        Assert.Equal(4000, moved.LastUpdatedTimestamp);
        Assert.Equal(ModelStage.Archived, (await GetVersionAsync(model.Name, 1)).CurrentStage);
        Assert.Equal(ModelStage.Archived, (await GetVersionAsync(model.Name, 2)).CurrentStage);
        Assert.Equal(4000, (await GetModelAsync(model.Name)).LastUpdatedTimestamp);
        await ThrowsAsync(ErrorCode.InvalidParameterValue, () => Store.TransitionStageAsync(TestChange.Next(), model.Name, 1, ModelStage.Archived, true, 5000, None));
    }

    [Fact]
    public async Task transition_without_archive_existing_leaves_the_others()
    {
        var model = await NewModelAsync();
        await NewVersionAsync(model.Name);
        await NewVersionAsync(model.Name);
        await Store.TransitionStageAsync(TestChange.Next(), model.Name, 1, ModelStage.Staging, false, 3000, None);
        await Store.TransitionStageAsync(TestChange.Next(), model.Name, 2, ModelStage.Staging, false, 3000, None);
        Assert.Equal(ModelStage.Staging, (await GetVersionAsync(model.Name, 1)).CurrentStage);
    }

    [Fact]
    public async Task latest_versions_are_the_newest_per_stage()
    {
        var model = await NewModelAsync();
        for (var i = 0; i < 5; i++) await NewVersionAsync(model.Name);
        await Store.TransitionStageAsync(TestChange.Next(), model.Name, 1, ModelStage.Production, false, 3000, None);
        await Store.TransitionStageAsync(TestChange.Next(), model.Name, 2, ModelStage.Production, false, 3000, None);
        await Store.TransitionStageAsync(TestChange.Next(), model.Name, 3, ModelStage.Staging, false, 3000, None);

        var latest = (await GetModelAsync(model.Name)).LatestVersions.Select(v => (v.Version, v.CurrentStage)).ToList();
        Assert.Equal([(2, ModelStage.Production), (3, ModelStage.Staging), (5, ModelStage.None)], latest);
        var production = await Store.GetLatestVersionsAsync(model.Name, [ModelStage.Production], None);
        Assert.Equal(2, Assert.Single(production).Version);
        Assert.Equal(3, (await Store.GetLatestVersionsAsync(model.Name, [], None)).Count);
        Assert.Empty(await Store.GetLatestVersionsAsync(model.Name, [ModelStage.Archived], None));
    }

    [Fact]
    public async Task aliases_point_re_point_and_resolve()
    {
        var model = await NewModelAsync();
        await NewVersionAsync(model.Name);
        await NewVersionAsync(model.Name);
        await Store.SetAliasAsync(TestChange.Next(), model.Name, "champion", 1, 3000, None);
        Assert.Equal(1, await Store.ResolveAliasAsync(model.Name, "champion", None));
        await Store.SetAliasAsync(TestChange.Next(), model.Name, "champion", 2, 3100, None);
        await Store.SetAliasAsync(TestChange.Next(), model.Name, "challenger", 1, 3200, None);
        Assert.Equal(2, await Store.ResolveAliasAsync(model.Name, "champion", None));
        Assert.Equal(["champion"], (await GetVersionAsync(model.Name, 2)).Aliases);
        Assert.Equal(["challenger"], (await GetVersionAsync(model.Name, 1)).Aliases);
        var stored = await GetModelAsync(model.Name);
        Assert.Equal([new ModelAlias("challenger", 1), new ModelAlias("champion", 2)], stored.Aliases);
        Assert.Equal(3200, stored.LastUpdatedTimestamp);

        await Store.DeleteAliasAsync(TestChange.Next(), model.Name, "challenger", 3300, None);
        Assert.Null(await Store.ResolveAliasAsync(model.Name, "challenger", None));
        Assert.Null(await Store.ResolveAliasAsync("nope", "champion", None));
    }

    [Fact]
    public async Task deleting_a_version_deletes_its_aliases()
    {
        var model = await NewModelAsync();
        await NewVersionAsync(model.Name, tags: [new Tag("k", "v")]);
        await Store.SetAliasAsync(TestChange.Next(), model.Name, "champion", 1, 3000, None);
        await Store.DeleteModelVersionAsync(TestChange.Next(), model.Name, 1, 4000, None);
        Assert.Null(await Store.ResolveAliasAsync(model.Name, "champion", None));
        Assert.Empty((await GetModelAsync(model.Name)).Aliases);
    }

    [Fact]
    public async Task rename_moves_versions_tags_and_aliases()
    {
        var model = await NewModelAsync(tags: [new Tag("owner", "risk")]);
        await NewVersionAsync(model.Name, tags: [new Tag("k", "v")]);
        await Store.SetAliasAsync(TestChange.Next(), model.Name, "champion", 1, 3000, None);
        var newName = UniqueName("renamed");
        var renamed = await Store.RenameRegisteredModelAsync(TestChange.Next(), model.Name, newName, 6000, None);

        Assert.Equal(newName, renamed.Name);
        Assert.Equal(6000, renamed.LastUpdatedTimestamp);
        Assert.Null(await Store.GetRegisteredModelAsync(model.Name, None));
        var version = await GetVersionAsync(newName, 1);
        Assert.Equal(newName, version.Name);
        Assert.Equal([new Tag("k", "v")], version.Tags);
        Assert.Equal(["champion"], version.Aliases);
        Assert.Equal([new Tag("owner", "risk")], renamed.Tags);
        Assert.Equal(newName, Assert.Single(renamed.LatestVersions).Name);

        var other = await NewModelAsync();
        await ThrowsAsync(ErrorCode.ResourceAlreadyExists, () => Store.RenameRegisteredModelAsync(TestChange.Next(), newName, other.Name, 7000, None));
    }

    [Fact]
    public async Task deleting_a_model_deletes_everything_and_frees_its_name()
    {
        var model = await NewModelAsync(tags: [new Tag("owner", "risk")]);
        await NewVersionAsync(model.Name, tags: [new Tag("k", "v")]);
        await Store.SetAliasAsync(TestChange.Next(), model.Name, "champion", 1, 3000, None);
        await Store.DeleteRegisteredModelAsync(TestChange.Next(), model.Name, None);
        Assert.Null(await Store.GetRegisteredModelAsync(model.Name, None));
        Assert.Null(await Store.GetModelVersionAsync(model.Name, 1, None));
        Assert.Null(await Store.ResolveAliasAsync(model.Name, "champion", None));

        var again = await NewModelAsync(model.Name);
        Assert.Empty(again.Tags);
        Assert.Equal(1, (await NewVersionAsync(model.Name)).Version);
        Assert.Empty((await GetVersionAsync(model.Name, 1)).Tags);
    }

    private sealed class ModelEquality : IEqualityComparer<RegisteredModel>
    {
        public static ModelEquality Instance { get; } = new();

        public bool Equals(RegisteredModel? x, RegisteredModel? y) =>
            x is not null && y is not null
            && x with { Tags = [], Aliases = [], LatestVersions = [] } == y with { Tags = [], Aliases = [], LatestVersions = [] }
            && x.Tags.SequenceEqual(y.Tags) && x.Aliases.SequenceEqual(y.Aliases) && x.LatestVersions.Count == y.LatestVersions.Count;

        public int GetHashCode(RegisteredModel obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class VersionEquality : IEqualityComparer<ModelVersion>
    {
        public static VersionEquality Instance { get; } = new();

        public bool Equals(ModelVersion? x, ModelVersion? y) =>
            x is not null && y is not null
            && x with { Tags = [], Aliases = [] } == y with { Tags = [], Aliases = [] }
            && x.Tags.SequenceEqual(y.Tags) && x.Aliases.SequenceEqual(y.Aliases);

        public int GetHashCode(ModelVersion obj) => obj.Version;
    }
}

public sealed class SqliteRegistryStoreTests(SqliteFixture fixture) : RegistryStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresRegistryStoreTests(PostgresFixture fixture) : RegistryStoreContract(fixture), IClassFixture<PostgresFixture>;
