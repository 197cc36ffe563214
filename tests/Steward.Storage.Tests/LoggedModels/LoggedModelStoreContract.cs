using Steward.Errors;
using Steward.Storage.Tests.Support;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Storage.Tests.LoggedModels;

/// <summary>What every <see cref="ILoggedModelStore"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract class LoggedModelStoreContract(StorageFixture fixture)
{
    private ILoggedModelStore Store => fixture.Storage.LoggedModels;

    private static CancellationToken None => CancellationToken.None;

    private Task<string> NewExperimentAsync() =>
        fixture.Storage.Tracking.CreateExperimentAsync(TestChange.Next(), $"exp-{Guid.NewGuid():N}", null, TrackingService.DefaultArtifactRoot, "default", [], 1, None);

    private static LoggedModel NewModel(string experimentId, long created = 1000) => new(
        "m-" + Guid.NewGuid().ToString("N"), experimentId, "classifier", $"mlflow-artifacts:/{experimentId}/models/x/artifacts",
        created, created, LoggedModelStatus.Pending, null, "sklearn", null,
        [new Tag("stage", "dev")], [new Param("alpha", "0.5")]);

    private async Task<LoggedModel> GetAsync(string id) =>
        await Store.GetLoggedModelAsync(id, None) ?? throw new InvalidOperationException($"logged model {id} vanished");

    [Fact]
    public async Task created_model_reads_back_as_given()
    {
        var model = NewModel(await NewExperimentAsync());
        await Store.CreateLoggedModelAsync(TestChange.Next(), model, None);
        var stored = await GetAsync(model.ModelId);
        Assert.Equal(model with { Tags = [], Params = [] }, stored with { Tags = [], Params = [] });
        Assert.Equal(model.Tags, stored.Tags);
        Assert.Equal(model.Params, stored.Params);
    }

    [Fact]
    public async Task models_need_an_active_experiment()
    {
        await Assert.ThrowsAsync<StewardException>(() => Store.CreateLoggedModelAsync(TestChange.Next(), NewModel("987654321"), None));
        var experimentId = await NewExperimentAsync();
        await fixture.Storage.Tracking.SetExperimentLifecycleAsync(TestChange.Next(), experimentId, LifecycleStage.Deleted, 2, None);
        var error = await Assert.ThrowsAsync<StewardException>(() => Store.CreateLoggedModelAsync(TestChange.Next(), NewModel(experimentId), None));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
    }

    [Fact]
    public async Task finalize_sets_the_status_and_bumps_last_updated()
    {
        var model = NewModel(await NewExperimentAsync());
        await Store.CreateLoggedModelAsync(TestChange.Next(), model, None);
        var ready = await Store.FinalizeLoggedModelAsync(TestChange.Next(), model.ModelId, LoggedModelStatus.Ready, 5000, None);
        Assert.Equal(LoggedModelStatus.Ready, ready.Status);
        Assert.Equal(5000, ready.LastUpdatedTimestampMs);
        Assert.Equal(LoggedModelStatus.UploadFailed, (await Store.FinalizeLoggedModelAsync(TestChange.Next(), model.ModelId, LoggedModelStatus.UploadFailed, 6000, None)).Status);
    }

    [Fact]
    public async Task tags_are_set_and_deleted()
    {
        var model = NewModel(await NewExperimentAsync());
        await Store.CreateLoggedModelAsync(TestChange.Next(), model, None);
        await Store.SetLoggedModelTagsAsync(TestChange.Next(), model.ModelId, [new Tag("stage", "prod"), new Tag("owner", "risk")], 2000, None);
        Assert.Equal([new Tag("owner", "risk"), new Tag("stage", "prod")], (await GetAsync(model.ModelId)).Tags);
        await Store.DeleteLoggedModelTagAsync(TestChange.Next(), model.ModelId, "owner", 3000, None);
        Assert.Equal([new Tag("stage", "prod")], (await GetAsync(model.ModelId)).Tags);
        var error = await Assert.ThrowsAsync<StewardException>(() => Store.DeleteLoggedModelTagAsync(TestChange.Next(), model.ModelId, "owner", 3000, None));
        Assert.Equal(ErrorCode.ResourceDoesNotExist, error.Code);
    }

    [Fact]
    public async Task params_never_change_once_logged()
    {
        var model = NewModel(await NewExperimentAsync());
        await Store.CreateLoggedModelAsync(TestChange.Next(), model, None);
        await Store.LogLoggedModelParamsAsync(TestChange.Next(), model.ModelId, [new Param("alpha", "0.5"), new Param("beta", "1")], 2000, None);
        var error = await Assert.ThrowsAsync<StewardException>(() => Store.LogLoggedModelParamsAsync(TestChange.Next(), model.ModelId, [new Param("gamma", "2"), new Param("alpha", "0.7")], 3000, None));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Equal([new Param("alpha", "0.5"), new Param("beta", "1")], (await GetAsync(model.ModelId)).Params);
    }

    [Fact]
    public async Task deleted_models_are_gone_for_readers()
    {
        var experimentId = await NewExperimentAsync();
        var model = NewModel(experimentId);
        await Store.CreateLoggedModelAsync(TestChange.Next(), model, None);
        await Store.DeleteLoggedModelAsync(TestChange.Next(), model.ModelId, 3000, None);
        Assert.Null(await Store.GetLoggedModelAsync(model.ModelId, None));
        Assert.Empty((await Store.SearchLoggedModelsAsync([experimentId], 10, 0, None)).Items);
        foreach (var write in new Func<Task>[]
        {
            () => Store.DeleteLoggedModelAsync(TestChange.Next(), model.ModelId, 3000, None),
            () => Store.FinalizeLoggedModelAsync(TestChange.Next(), model.ModelId, LoggedModelStatus.Ready, 1, None),
            () => Store.SetLoggedModelTagsAsync(TestChange.Next(), model.ModelId, [new Tag("a", "b")], 1, None),
            () => Store.LogLoggedModelParamsAsync(TestChange.Next(), model.ModelId, [new Param("a", "b")], 1, None),
        })
        {
            Assert.Equal(ErrorCode.ResourceDoesNotExist, (await Assert.ThrowsAsync<StewardException>(write)).Code);
        }
    }

    [Fact]
    public async Task search_lists_newest_first_and_pages()
    {
        var experimentId = await NewExperimentAsync();
        var other = await NewExperimentAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var model = NewModel(i == 4 ? other : experimentId, created: 1000 + i);
            await Store.CreateLoggedModelAsync(TestChange.Next(), model, None);
            ids.Add(model.ModelId);
        }

        var first = await Store.SearchLoggedModelsAsync([experimentId], 3, 0, None);
        Assert.Equal([ids[3], ids[2], ids[1]], first.Items.Select(m => m.ModelId));
        Assert.NotNull(first.NextPageToken);
        var second = await Store.SearchLoggedModelsAsync([experimentId], 3, Paging.PageToken.Decode(first.NextPageToken), None);
        Assert.Equal([ids[0]], second.Items.Select(m => m.ModelId));
        Assert.Null(second.NextPageToken);
        Assert.Equal(5, (await Store.SearchLoggedModelsAsync([experimentId, other], 10, 0, None)).Items.Count);
        Assert.All(first.Items, m => Assert.Equal([new Param("alpha", "0.5")], m.Params));
    }
}

public sealed class SqliteLoggedModelStoreTests(SqliteFixture fixture) : LoggedModelStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresLoggedModelStoreTests(PostgresFixture fixture) : LoggedModelStoreContract(fixture), IClassFixture<PostgresFixture>;
