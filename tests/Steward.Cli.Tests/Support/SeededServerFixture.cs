using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Cli.Tests.Support;

/// <summary>
/// A real server holding a small known world for the CLI to read: experiment "churn" with three
/// runs (rmse 0.3, 0.6, 1.2) and model "churn-model" with two versions, v2 in Production and
/// aliased "champion".
/// </summary>
public sealed class SeededServerFixture : IAsyncLifetime
{
    private readonly StewardServerFixture _server = new();

    public string Url => _server.Address.AbsoluteUri.TrimEnd('/');

    public StewardClient Client => _server.Client;

    public Experiment Experiment { get; private set; } = null!;

    public IReadOnlyList<Run> Runs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        Experiment = await Client.CreateExperimentAsync("churn", tags: new Dictionary<string, string> { ["team"] = "risk" });
        var runs = new List<Run>();
        foreach (var (name, rmse) in new[] { ("small", 1.2), ("medium", 0.6), ("large", 0.3) })
        {
            await using var logger = await Client.StartRunAsync(Experiment.ExperimentId, name);
            logger.LogMetric("rmse", rmse);
            logger.LogParam("size", name);
            await logger.FlushAsync();
            runs.Add(await Client.GetRunAsync(logger.RunId));
        }

        Runs = runs;
        await Client.CreateModelAsync("churn-model", "gradient boosted churn classifier");
        await Client.CreateModelVersionAsync("churn-model", $"runs:/{runs[1].RunId}/model", runs[1].RunId);
        await Client.CreateModelVersionAsync("churn-model", $"runs:/{runs[2].RunId}/model", runs[2].RunId);
        await Client.TransitionStageAsync("churn-model", 2, ModelStage.Production);
        await Client.SetAliasAsync("churn-model", "champion", 2);
    }

    public Task DisposeAsync() => _server.DisposeAsync();
}
