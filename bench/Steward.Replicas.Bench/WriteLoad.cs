using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Steward.Replicas.Bench;

/// <summary>One kind of single-write MLflow request.</summary>
internal sealed record WriteKind(string Path, Func<string, long, object> Body)
{
    public static readonly WriteKind LogMetric = new("runs/log-metric", (run, i) => new { run_id = run, key = "loss", value = 1.0 / (i + 1), timestamp = 1_700_000_000_000L + i, step = i });

    public static readonly WriteKind SetTag = new("runs/set-tag", (run, i) => new { run_id = run, key = $"tag-{i % 50}", value = $"value {i}" });
}

internal sealed record WriteResult(double PerSecond, double P50Ms, double P99Ms, int Errors);

/// <summary>Clients round-robin over the servers, each writing to its own run as fast as answered.</summary>
internal static class WriteLoad
{
    public static async Task<WriteResult> RunAsync(Cluster cluster, WriteKind kind, int clients, TimeSpan duration)
    {
        var https = cluster.Servers.Select(s => new HttpClient { BaseAddress = s.Address }).ToList();
        try
        {
            var experiment = await PostAsync(https[0], "experiments/create", new { name = "bench" });
            var experimentId = experiment.GetProperty("experiment_id").GetString();
            var runs = new string[clients];
            for (var c = 0; c < clients; c++)
                runs[c] = (await PostAsync(https[0], "runs/create", new { experiment_id = experimentId })).GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;

            // Warm-up: the JIT and the connection pools, not measured.
            await LoadAsync(https, kind, runs, TimeSpan.FromSeconds(3), new List<double>[clients], new int[clients]);
            var latencies = new List<double>[clients];
            var errors = new int[clients];
            var clock = Stopwatch.StartNew();
            await LoadAsync(https, kind, runs, duration, latencies, errors);
            var elapsed = clock.Elapsed.TotalSeconds;
            var all = latencies.SelectMany(l => l).Order().ToList();
            return new WriteResult(all.Count / elapsed, all[all.Count / 2], all[(int)(all.Count * 0.99)], errors.Sum());
        }
        finally
        {
            foreach (var http in https) http.Dispose();
        }
    }

    private static Task LoadAsync(List<HttpClient> https, WriteKind kind, string[] runs, TimeSpan duration, List<double>[] latencies, int[] errors) =>
        Task.WhenAll(Enumerable.Range(0, runs.Length).Select(c => Task.Run(async () =>
        {
            var http = https[c % https.Count];
            latencies[c] = [];
            var end = Stopwatch.StartNew();
            for (long i = 0; end.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync($"/api/2.0/mlflow/{kind.Path}", kind.Body(runs[c], i));
                if (response.IsSuccessStatusCode) latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else errors[c]++;
            }
        })));

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync($"/api/2.0/mlflow/{path}", body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
