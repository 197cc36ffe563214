using Steward.Errors;
using Steward.Tracking;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Tracking;

public abstract partial class TrackingStoreContract
{
    [Fact]
    public async Task default_experiment_exists_after_migration()
    {
        var experiment = await Store.GetExperimentAsync("0", None);
        Assert.NotNull(experiment);
        Assert.Equal("Default", experiment.Name);
        Assert.Equal("mlflow-artifacts:/0", experiment.ArtifactLocation);
        Assert.Equal(LifecycleStage.Active, experiment.LifecycleStage);
    }

    [Fact]
    public async Task migrating_again_changes_nothing()
    {
        await Store.MigrateAsync(None);
        var experiment = await Store.GetExperimentByNameAsync("Default", None);
        Assert.Equal("0", experiment?.ExperimentId);
    }

    [Fact]
    public async Task experiment_ids_are_decimal_and_artifact_location_defaults_under_the_root()
    {
        var name = UniqueName("exp");
        var id = await Store.CreateExperimentAsync(TestChange.Next(), name, null, "mlflow-artifacts:", "default", [new Tag("team", "risk")], 1234, None);
        Assert.True(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var experiment = await Store.GetExperimentAsync(id, None);
        Assert.NotNull(experiment);
        Assert.Equal(name, experiment.Name);
        Assert.Equal($"mlflow-artifacts:/{id}", experiment.ArtifactLocation);
        Assert.Equal(1234, experiment.CreationTime);
        Assert.Equal(1234, experiment.LastUpdateTime);
        Assert.Equal([new Tag("team", "risk")], experiment.Tags);
    }

    [Fact]
    public async Task explicit_artifact_location_is_kept()
    {
        var id = await Store.CreateExperimentAsync(TestChange.Next(), UniqueName("exp"), "file:///data/x", "mlflow-artifacts:", "default", [], Now, None);
        Assert.Equal("file:///data/x", (await Store.GetExperimentAsync(id, None))?.ArtifactLocation);
    }

    [Fact]
    public async Task unknown_or_malformed_experiment_ids_find_nothing()
    {
        Assert.Null(await Store.GetExperimentAsync("987654321", None));
        Assert.Null(await Store.GetExperimentAsync("abc", None));
        Assert.Null(await Store.GetExperimentByNameAsync(UniqueName("nope"), None));
    }

    [Fact]
    public async Task experiment_names_are_unique_even_among_deleted_ones()
    {
        var name = UniqueName("exp");
        var id = await Store.CreateExperimentAsync(TestChange.Next(), name, null, "mlflow-artifacts:", "default", [], Now, None);
        await Store.SetExperimentLifecycleAsync(TestChange.Next(), id, LifecycleStage.Deleted, Now, None);
        var error = await ThrowsAsync(ErrorCode.ResourceAlreadyExists,
            () => Store.CreateExperimentAsync(TestChange.Next(), name, null, "mlflow-artifacts:", "default", [], Now, None));
        Assert.Equal($"Experiment(name={name}) already exists.", error.Message);
    }

    [Fact]
    public async Task rename_changes_the_name_and_refuses_a_taken_one()
    {
        var id = await NewExperimentAsync();
        var other = await Store.GetExperimentAsync(await NewExperimentAsync(), None);
        var newName = UniqueName("renamed");
        await Store.RenameExperimentAsync(TestChange.Next(), id, newName, 5000, None);
        var renamed = await Store.GetExperimentByNameAsync(newName, None);
        Assert.Equal(id, renamed?.ExperimentId);
        Assert.Equal(5000, renamed?.LastUpdateTime);
        await ThrowsAsync(ErrorCode.ResourceAlreadyExists, () => Store.RenameExperimentAsync(TestChange.Next(), id, other!.Name, Now, None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.RenameExperimentAsync(TestChange.Next(), "987654321", UniqueName("x"), Now, None));
    }

    [Fact]
    public async Task deleting_an_experiment_deletes_its_runs_and_restoring_restores_them()
    {
        var id = await NewExperimentAsync();
        var run = await NewRunAsync(id);
        var deletedEarlier = await NewRunAsync(id);
        await Store.SetRunLifecycleAsync(TestChange.Next(), deletedEarlier.Info.RunId, LifecycleStage.Deleted, Now - 60_000, None);

        await Store.SetExperimentLifecycleAsync(TestChange.Next(), id, LifecycleStage.Deleted, Now, None);
        Assert.Equal(LifecycleStage.Deleted, (await Store.GetExperimentAsync(id, None))?.LifecycleStage);
        Assert.Equal(LifecycleStage.Deleted, (await GetRunAsync(run.Info.RunId)).Info.LifecycleStage);

        await Store.SetExperimentLifecycleAsync(TestChange.Next(), id, LifecycleStage.Active, Now, None);
        Assert.Equal(LifecycleStage.Active, (await Store.GetExperimentAsync(id, None))?.LifecycleStage);
        Assert.Equal(LifecycleStage.Active, (await GetRunAsync(run.Info.RunId)).Info.LifecycleStage);
        // A run deleted on its own before the experiment stays deleted, as in MLflow.
        Assert.Equal(LifecycleStage.Deleted, (await GetRunAsync(deletedEarlier.Info.RunId)).Info.LifecycleStage);
    }

    [Fact]
    public async Task lifecycle_of_an_unknown_experiment_is_not_found()
    {
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.SetExperimentLifecycleAsync(TestChange.Next(), "987654321", LifecycleStage.Deleted, Now, None));
    }

    [Fact]
    public async Task experiment_tags_are_set_overwritten_and_deleted()
    {
        var id = await NewExperimentAsync(now: 1000);
        await Store.SetExperimentTagAsync(TestChange.Next(), id, new Tag("a", "1"), 2000, None);
        await Store.SetExperimentTagAsync(TestChange.Next(), id, new Tag("a", "2"), 3000, None);
        await Store.SetExperimentTagAsync(TestChange.Next(), id, new Tag("b", "x"), 3000, None);
        var experiment = await Store.GetExperimentAsync(id, None);
        Assert.Equal([new Tag("a", "2"), new Tag("b", "x")], experiment?.Tags);
        Assert.Equal(3000, experiment?.LastUpdateTime);

        await Store.DeleteExperimentTagAsync(TestChange.Next(), id, "a", 4000, None);
        Assert.Equal([new Tag("b", "x")], (await Store.GetExperimentAsync(id, None))?.Tags);
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.DeleteExperimentTagAsync(TestChange.Next(), id, "a", Now, None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.SetExperimentTagAsync(TestChange.Next(), "987654321", new Tag("a", "1"), Now, None));
    }
}
