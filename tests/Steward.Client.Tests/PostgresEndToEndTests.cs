using System.Net;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

/// <summary>The SDK's main paths against a server on PostgreSQL, the scale-out deployment.</summary>
public sealed class PostgresEndToEndTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    private readonly StewardClient _client = server.Client;

    [Fact]
    public async Task runs_logged_through_run_logger_are_searchable_on_postgres()
    {
        var experiment = await _client.CreateExperimentAsync(StewardServerFixture.Unique("pg"));
        for (var i = 0; i < 12; i++)
        {
            await using var logger = await _client.StartRunAsync(experiment.ExperimentId, $"run-{i:D2}");
            for (var step = 0; step < 1200; step++) logger.LogMetric("loss", 1.0 / (step + 1 + i), step);
            logger.LogMetric("odd", i == 0 ? double.NaN : i, 0);
            logger.LogParam("index", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var search = new RunSearch([experiment.ExperimentId]) { Filter = "params.index != '3'", OrderBy = ["attributes.run_name DESC"], MaxResults = 5 };
        var runs = await _client.SearchAllRunsAsync(search).ToListAsync();
        Assert.Equal(11, runs.Count);
        Assert.Equal("run-11", runs[0].RunName);
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Status));

        var first = runs.Single(r => r.RunName == "run-00");
        Assert.True(double.IsNaN(first.Metrics.Single(m => m.Key == "odd").Value));
        Assert.Equal(1200, (await _client.GetMetricHistoryAsync(first.RunId, "loss")).Count);
    }

    [Fact]
    public async Task registry_stages_and_aliases_work_on_postgres()
    {
        var run = await _client.CreateRunAsync(null);
        await _client.UploadArtifactAsync(run.RunId, "model/MLmodel", new MemoryStream("flavors: {}"u8.ToArray()));
        var model = await _client.CreateModelAsync(StewardServerFixture.Unique("pgmodel"));
        await _client.CreateModelVersionAsync(model.Name, $"runs:/{run.RunId}/model", run.RunId);
        await _client.CreateModelVersionAsync(model.Name, $"runs:/{run.RunId}/model", run.RunId);

        await _client.TransitionStageAsync(model.Name, 1, ModelStage.Production);
        await _client.TransitionStageAsync(model.Name, 2, ModelStage.Production, archiveExistingVersions: true);
        await _client.SetAliasAsync(model.Name, "champion", 2);

        Assert.Equal(ModelStage.Archived, (await _client.GetModelVersionAsync(model.Name, 1)).CurrentStage);
        Assert.Equal(2, (await _client.GetModelVersionByAliasAsync(model.Name, "champion")).Version);
        Assert.Equal("flavors: {}"u8.ToArray(), await _client.DownloadArtifactBytesAsync(run.RunId, "model/MLmodel"));

        var duplicate = await Assert.ThrowsAsync<StewardApiException>(() => _client.CreateModelAsync(model.Name));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }
}
