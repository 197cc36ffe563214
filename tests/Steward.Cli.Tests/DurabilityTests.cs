using System.Net.Http.Json;
using System.Text.Json;
using Steward.Cli.Tests.Support;
using Steward.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>
/// A server killed with SIGKILL in the middle of heavy logging loses no acknowledged write, and
/// no batch is half-stored: after a restart every acknowledged point is there.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private const int Writers = 4;
    private const int PointsPerBatch = 100;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task sigkill_during_heavy_logging_loses_no_acknowledged_batch_on_sqlite()
    {
        await KillDuringLoggingAndVerifyAsync(null);
    }

    [Fact]
    public async Task sigkill_during_heavy_logging_loses_no_acknowledged_batch_on_postgresql()
    {
        var database = $"steward_kill_{Guid.NewGuid():N}";
        var connectionString = await TestPostgres.CreateDatabaseAsync(database);
        try
        {
            await KillDuringLoggingAndVerifyAsync(new Dictionary<string, string?> { ["STEWARD_DB"] = connectionString });
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private async Task KillDuringLoggingAndVerifyAsync(IReadOnlyDictionary<string, string?>? environment)
    {
        string[] runIds;
        var acknowledged = new int[Writers];
        using (var server = await ServerProcess.StartAsync(_dataDirectory, environment))
        {
            using var http = new HttpClient { BaseAddress = server.Address };
            var experimentId = (await PostAsync(http, "experiments/create", new { name = "durability" })).GetProperty("experiment_id").GetString()!;
            runIds = new string[Writers];
            for (var w = 0; w < Writers; w++)
            {
                runIds[w] = (await PostAsync(http, "runs/create", new { experiment_id = experimentId })).GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
            }

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => LogUntilFailureAsync(http, runIds[w], () => Interlocked.Increment(ref acknowledged[w]), stop.Token))).ToArray();

            // Let the writers get well under way, then kill the server while batches are in flight.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (acknowledged.Sum() < 200 && DateTime.UtcNow < deadline) await Task.Delay(20);
            server.KillHard();
            await Task.WhenAll(writers);
            Assert.True(acknowledged.Sum() >= 200, $"only {acknowledged.Sum()} batches were acknowledged before the kill");
        }

        using (var restarted = await ServerProcess.StartAsync(_dataDirectory, environment))
        {
            using var http = new HttpClient { BaseAddress = restarted.Address };
            for (var w = 0; w < Writers; w++)
            {
                var history = await http.GetFromJsonAsync<JsonElement>($"/api/2.0/mlflow/metrics/get-history?run_id={runIds[w]}&metric_key=loss");
                var steps = history.TryGetProperty("metrics", out var metrics)
                    ? metrics.EnumerateArray().Select(m => m.GetProperty("step").GetInt64()).ToHashSet()
                    : [];

                // Every acknowledged batch is complete; at most the one in flight may follow it, whole.
                var expected = acknowledged[w] * PointsPerBatch;
                Assert.True(steps.Count >= expected, $"run {w}: {expected} points acknowledged, {steps.Count} stored");
                Assert.Equal(0, steps.Count % PointsPerBatch);
                Assert.True(Enumerable.Range(0, expected).All(s => steps.Contains(s)), $"run {w}: an acknowledged point is missing");
            }
        }
    }

    /// <summary>Sends consecutive 100-point batches until the server stops answering.</summary>
    private static async Task LogUntilFailureAsync(HttpClient http, string runId, Action acknowledged, CancellationToken cancellationToken)
    {
        for (var batch = 0; !cancellationToken.IsCancellationRequested; batch++)
        {
            var metrics = Enumerable.Range(batch * PointsPerBatch, PointsPerBatch)
                .Select(step => new { key = "loss", value = 1.0 / (step + 1), timestamp = 1_700_000_000_000L + step, step });
            try
            {
                using var response = await http.PostAsJsonAsync("/api/2.0/mlflow/runs/log-batch", new { run_id = runId, metrics }, cancellationToken);
                if (!response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                return;
            }

            acknowledged();
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync($"/api/2.0/mlflow/{path}", body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
