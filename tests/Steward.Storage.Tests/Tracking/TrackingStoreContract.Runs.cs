using Steward.Errors;
using Steward.Tracking;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Tracking;

public abstract partial class TrackingStoreContract
{
    [Fact]
    public async Task created_run_is_running_with_its_artifact_uri_and_name_tag()
    {
        var experimentId = await NewExperimentAsync();
        var created = await NewRunAsync(experimentId, "brave-otter-1", startTime: 1700, tags: [new Tag("mlflow.user", "alice")]);
        var run = await GetRunAsync(created.Info.RunId);

        Assert.Equal(created.Info, run.Info);
        Assert.Equal(RunStatus.Running, run.Info.Status);
        Assert.Equal("brave-otter-1", run.Info.RunName);
        Assert.Equal(experimentId, run.Info.ExperimentId);
        Assert.Equal("alice", run.Info.UserId);
        Assert.Equal(1700, run.Info.StartTime);
        Assert.Null(run.Info.EndTime);
        Assert.Equal($"mlflow-artifacts:/{experimentId}/{run.Info.RunId}/artifacts", run.Info.ArtifactUri);
        Assert.Equal(LifecycleStage.Active, run.Info.LifecycleStage);
        Assert.Equal([new Tag("mlflow.runName", "brave-otter-1"), new Tag("mlflow.user", "alice")], run.Data.Tags);
        Assert.Empty(run.Data.Metrics);
        Assert.Empty(run.Data.Params);
        Assert.Empty(run.Inputs);
    }

    [Fact]
    public async Task unknown_run_is_null_and_writes_to_it_are_not_found()
    {
        Assert.Null(await Store.GetRunAsync("deadbeef", None));
        var error = await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => LogAsync("deadbeef", metrics: [new Metric("m", 1, 1, 0)]));
        Assert.Equal("Run with id=deadbeef not found", error.Message);
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.UpdateRunAsync(TestChange.Next(), "deadbeef", new RunUpdate(RunStatus.Finished, 1, null), None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.SetRunLifecycleAsync(TestChange.Next(), "deadbeef", LifecycleStage.Deleted, Now, None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.DeleteRunTagAsync(TestChange.Next(), "deadbeef", "k", None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.LogInputsAsync(TestChange.Next(), "deadbeef", [new DatasetInput([], new Dataset("d", "1", "local", "s", null, null))], None));
    }

    [Fact]
    public async Task runs_cannot_be_created_in_unknown_or_deleted_experiments()
    {
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => NewRunAsync("987654321"));
        var experimentId = await NewExperimentAsync();
        await Store.SetExperimentLifecycleAsync(TestChange.Next(), experimentId, LifecycleStage.Deleted, Now, None);
        await ThrowsAsync(ErrorCode.InvalidParameterValue, () => NewRunAsync(experimentId));
    }

    [Fact]
    public async Task update_sets_status_end_time_and_name_with_its_tag()
    {
        var run = await NewRunAsync(await NewExperimentAsync(), "first");
        var info = await Store.UpdateRunAsync(TestChange.Next(), run.Info.RunId, new RunUpdate(RunStatus.Finished, 9000, "second"), None);
        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.Equal(9000, info.EndTime);
        Assert.Equal("second", info.RunName);
        var stored = await GetRunAsync(run.Info.RunId);
        Assert.Equal(info, stored.Info);
        Assert.Contains(new Tag("mlflow.runName", "second"), stored.Data.Tags);

        var unchanged = await Store.UpdateRunAsync(TestChange.Next(), run.Info.RunId, new RunUpdate(null, null, null), None);
        Assert.Equal(info, unchanged);
    }

    [Fact]
    public async Task setting_the_run_name_tag_renames_the_run()
    {
        var run = await NewRunAsync(await NewExperimentAsync(), "before");
        await LogAsync(run.Info.RunId, tags: [new Tag("mlflow.runName", "after")]);
        var stored = await GetRunAsync(run.Info.RunId);
        Assert.Equal("after", stored.Info.RunName);
        Assert.Contains(new Tag("mlflow.runName", "after"), stored.Data.Tags);
    }

    [Fact]
    public async Task writes_to_a_deleted_run_are_refused_until_it_is_restored()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var id = run.Info.RunId;
        await Store.SetRunLifecycleAsync(TestChange.Next(), id, LifecycleStage.Deleted, Now, None);
        Assert.Equal(LifecycleStage.Deleted, (await GetRunAsync(id)).Info.LifecycleStage);

        var error = await ThrowsAsync(ErrorCode.InvalidParameterValue, () => LogAsync(id, metrics: [new Metric("m", 1, 1, 0)]));
        Assert.Equal($"The run {id} must be in the 'active' state. Current state is deleted.", error.Message);
        await ThrowsAsync(ErrorCode.InvalidParameterValue, () => Store.UpdateRunAsync(TestChange.Next(), id, new RunUpdate(RunStatus.Failed, null, null), None));
        await ThrowsAsync(ErrorCode.InvalidParameterValue, () => Store.DeleteRunTagAsync(TestChange.Next(), id, "mlflow.runName", None));
        await ThrowsAsync(ErrorCode.InvalidParameterValue, () => Store.LogInputsAsync(TestChange.Next(), id, [new DatasetInput([], new Dataset("d", "1", "local", "s", null, null))], None));

        await Store.SetRunLifecycleAsync(TestChange.Next(), id, LifecycleStage.Active, Now, None);
        await LogAsync(id, metrics: [new Metric("m", 1, 1, 0)]);
        Assert.Single((await GetRunAsync(id)).Data.Metrics);
    }

    [Fact]
    public async Task run_tags_are_deleted_and_missing_ones_are_not_found()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await LogAsync(run.Info.RunId, tags: [new Tag("k", "v")]);
        await Store.DeleteRunTagAsync(TestChange.Next(), run.Info.RunId, "k", None);
        Assert.DoesNotContain((await GetRunAsync(run.Info.RunId)).Data.Tags, t => t.Key == "k");
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.DeleteRunTagAsync(TestChange.Next(), run.Info.RunId, "k", None));
    }

    [Fact]
    public async Task inputs_are_logged_with_tags_and_datasets_are_shared_within_an_experiment()
    {
        var experimentId = await NewExperimentAsync();
        var first = await NewRunAsync(experimentId);
        var second = await NewRunAsync(experimentId);
        var dataset = new Dataset("train", "abc123", "local", "{\"uri\": \"/data/train.csv\"}", "{\"cols\": []}", "{\"rows\": 3}");
        var input = new DatasetInput([new Tag("mlflow.data.context", "training")], dataset);

        await Store.LogInputsAsync(TestChange.Next(), first.Info.RunId, [input], None);
        await Store.LogInputsAsync(TestChange.Next(), first.Info.RunId, [input], None);
        await Store.LogInputsAsync(TestChange.Next(), second.Info.RunId, [input, new DatasetInput([], dataset with { Digest = "def456", Schema = null, Profile = null })], None);

        var logged = Assert.Single((await GetRunAsync(first.Info.RunId)).Inputs);
        Assert.Equal(dataset, logged.Dataset);
        Assert.Equal([new Tag("mlflow.data.context", "training")], logged.Tags);
        var secondInputs = (await GetRunAsync(second.Info.RunId)).Inputs;
        Assert.Equal(["abc123", "def456"], secondInputs.Select(i => i.Dataset.Digest));
        Assert.Null(secondInputs[1].Dataset.Schema);
    }
}
