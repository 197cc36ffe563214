using System.Globalization;
using Steward.Client;

namespace Steward.Web.Bench;

/// <summary>Logs the benchmark's runs: each with two params and three metrics, four clients at a time.</summary>
internal static class Seed
{
    private static readonly string[] Models = ["lgbm", "logreg", "forest", "xgboost"];

    public static async Task RunsAsync(StewardClient client, string experimentId, int count)
    {
        var random = new Random(42);
        var values = Enumerable.Range(0, count).Select(_ => (Auc: 0.6 + random.NextDouble() * 0.4, Loss: random.NextDouble())).ToArray();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellationToken) =>
        {
            var run = await client.CreateRunAsync(experimentId, $"run-{i:D5}", cancellationToken: cancellationToken);
            await client.LogBatchAsync(run.RunId,
                metrics: [new Metric("auc", values[i].Auc, now, 0), new Metric("loss", values[i].Loss, now, 0), new Metric("accuracy", values[i].Auc - 0.05, now, 0)],
                parameters: new Dictionary<string, string>
                {
                    ["model"] = Models[i % Models.Length],
                    ["learning_rate"] = (0.01 * (1 + i % 10)).ToString(CultureInfo.InvariantCulture),
                },
                cancellationToken: cancellationToken);
        });
    }
}
