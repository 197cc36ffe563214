using System.Net;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

public sealed class RunLoggerTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private readonly StewardClient _client = server.Client;

    private async Task<string> NewExperimentAsync() =>
        (await _client.CreateExperimentAsync(StewardServerFixture.Unique("logger"))).ExperimentId;

    [Fact]
    public async Task run_logger_flushes_buffered_metrics_on_dispose()
    {
        string runId;
        await using (var logger = await _client.StartRunAsync(await NewExperimentAsync(), "epochs"))
        {
            runId = logger.RunId;
            // More than two full batches, so that chunking at 1000 is exercised.
            for (var step = 0; step < 2500; step++) logger.LogMetric("loss", 1.0 / (step + 1), step);
            logger.LogParam("optimizer", "adam");
            logger.SetTag("phase", "train");
        }

        var run = await _client.GetRunAsync(runId);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.NotNull(run.EndTime);
        Assert.Equal("adam", run.Params["optimizer"]);
        Assert.Equal("train", run.Tags["phase"]);
        var history = await _client.GetMetricHistoryAsync(runId, "loss");
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)i), history.Select(m => m.Step));
    }

    [Fact]
    public async Task the_readme_example_logs_a_finished_run()
    {
        var client = _client;
        var experiment = await client.CreateExperimentAsync(StewardServerFixture.Unique("readme"));
        string runId;
        await using (var run = await client.StartRunAsync(experiment, runName: "lgbm-baseline"))
        {
            runId = run.RunId;
            run.LogParam("learning_rate", "0.05");
            for (var step = 0; step < 100; step++)
                run.LogMetric("auc", 0.70 + step * 0.002, step);
        }

        var stored = await client.GetRunAsync(runId);
        Assert.Equal(("lgbm-baseline", RunStatus.Finished), (stored.RunName, stored.Status));
        Assert.Equal(100, (await client.GetMetricHistoryAsync(runId, "auc")).Count);
    }

    [Fact]
    public async Task run_logger_sends_on_its_own_within_the_flush_interval()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        await using var logger = new RunLogger(_client, run.RunId, TimeSpan.FromMilliseconds(200), TimeProvider.System);
        logger.LogMetric("accuracy", 0.91);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await _client.GetRunAsync(run.RunId)).Metrics.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the buffered metric was never sent");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task flush_waits_until_the_server_has_the_data()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        await using var logger = new RunLogger(_client, run.RunId, TimeSpan.FromMinutes(5), TimeProvider.System);
        logger.LogMetric("f1", 0.5, 3);
        await logger.FlushAsync();
        Assert.Equal(0.5, Assert.Single((await _client.GetRunAsync(run.RunId)).Metrics).Value);
    }

    [Fact]
    public async Task run_logger_marks_the_run_failed_when_asked()
    {
        string runId;
        await using (var logger = await _client.StartRunAsync(await NewExperimentAsync()))
        {
            runId = logger.RunId;
            logger.LogMetric("loss", 3.2);
            logger.MarkFailed();
        }

        var run = await _client.GetRunAsync(runId);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Single(run.Metrics);
    }

    [Fact]
    public async Task a_refused_batch_surfaces_on_the_next_flush()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        await using var logger = new RunLogger(_client, run.RunId);
        logger.LogMetric("bad key!", 1.0);
        var error = await Assert.ThrowsAsync<StewardApiException>(() => logger.FlushAsync());
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);

        // Reported once; the logger keeps working afterwards.
        logger.LogMetric("good", 2.0);
        await logger.FlushAsync();
        Assert.Equal("good", Assert.Single((await _client.GetRunAsync(run.RunId)).Metrics).Key);
    }

    [Fact]
    public async Task a_conflicting_param_surfaces_on_dispose_and_the_run_still_ends()
    {
        var run = await _client.CreateRunAsync(await NewExperimentAsync());
        var logger = new RunLogger(_client, run.RunId);
        logger.LogParam("lr", "0.1");
        logger.LogParam("lr", "0.2");
        await Assert.ThrowsAsync<StewardApiException>(async () => await logger.DisposeAsync());

        var stored = await _client.GetRunAsync(run.RunId);
        Assert.Equal("0.1", stored.Params["lr"]);
        Assert.Equal(RunStatus.Finished, stored.Status);
    }

    [Fact]
    public async Task logging_after_the_run_ended_is_refused()
    {
        var logger = await _client.StartRunAsync(await NewExperimentAsync());
        await logger.EndAsync(RunStatus.Finished);
        Assert.Throws<ObjectDisposedException>(() => logger.LogMetric("late", 1));
        await logger.DisposeAsync(); // ending twice is harmless
    }
}
