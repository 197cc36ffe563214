using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Steward.Cli.Tests.Support;
using Steward.Server;
using Steward.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>
/// Two replicas on one PostgreSQL database — one in this process, one a <c>steward server</c>
/// child process — logging under load from both; the child is killed with SIGKILL mid-write.
/// Afterwards there is one ledger, contiguous and verified, and every acknowledged write is there.
/// </summary>
public sealed class ReplicaKillTests : IDisposable
{
    private const int WritersPerReplica = 4;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "steward-replica-kill", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task a_replica_killed_mid_write_leaves_one_gapless_verified_ledger_and_loses_no_acknowledged_write()
    {
        var database = $"steward_replica_kill_{Guid.NewGuid():N}";
        var connectionString = await TestPostgres.CreateDatabaseAsync(database);
        try
        {
            await KillOneReplicaAndVerifyAsync(connectionString);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private async Task KillOneReplicaAndVerifyAsync(string connectionString)
    {
        var keyPath = Path.Combine(_root, "ledger-key.pem");
        var artifacts = Path.Combine(_root, "artifacts");
        var inProcessData = Path.Combine(_root, "replica-a");
        await using var inProcess = await StewardServer.StartAsync(
            new StewardServerOptions { Port = 0, DataDirectory = inProcessData, Database = connectionString, LedgerKeyPath = keyPath, ArtifactDirectory = artifacts },
            CancellationToken.None);
        using var child = await ServerProcess.StartAsync(Path.Combine(_root, "replica-b"), null, "--db", connectionString, "--ledger-key", keyPath, "--artifacts", artifacts);
        using var onA = new HttpClient { BaseAddress = inProcess.Address };
        using var onB = new HttpClient { BaseAddress = child.Address };

        var experimentId = (await PostAsync(onA, "experiments/create", new { name = "replicas" })).GetProperty("experiment_id").GetString()!;
        var runIds = new string[2 * WritersPerReplica];
        for (var w = 0; w < runIds.Length; w++)
        {
            // Runs created through both replicas, each logged to through the other half of the time.
            var http = w % 2 == 0 ? onA : onB;
            runIds[w] = (await PostAsync(http, "runs/create", new { experiment_id = experimentId })).GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
        }

        var acknowledged = new ConcurrentBag<(string RunId, long Step)>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, runIds.Length)
            .Select(w => Task.Run(() => LogUntilStoppedAsync(w < WritersPerReplica ? onA : onB, runIds[w], acknowledged, stop.Token)))
            .ToArray();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count < 400 && DateTime.UtcNow < deadline) await Task.Delay(20);
        child.KillHard();
        var atKill = acknowledged.Count;
        // The surviving replica goes on writing after its peer died mid-transaction.
        while (acknowledged.Count < atKill + 200 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(atKill >= 400, $"only {atKill} writes were acknowledged before the kill");

        foreach (var group in acknowledged.GroupBy(a => a.RunId))
        {
            var history = await onA.GetFromJsonAsync<JsonElement>($"/api/2.0/mlflow/metrics/get-history?run_id={group.Key}&metric_key=loss&max_results=100000");
            var stored = history.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("step").GetInt64()).ToHashSet();
            var missing = group.Select(a => a.Step).Where(s => !stored.Contains(s)).ToList();
            Assert.True(missing.Count == 0, $"run {group.Key}: acknowledged steps {string.Join(", ", missing.Take(10))} are missing");
        }

        await AssertOneContiguousLedgerAsync(onA);
        var verify = await CliRunner.RunAsync("audit", "verify", "--data", inProcessData, "--db", connectionString, "--ledger-key", keyPath);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
    }

    /// <summary>Indices 0..size-1, each once, as many as the signed head covers.</summary>
    private static async Task AssertOneContiguousLedgerAsync(HttpClient http)
    {
        var head = await http.GetFromJsonAsync<JsonElement>("/api/v1/audit/head");
        var size = head.GetProperty("treeSize").GetInt64();
        var next = 0L;
        string? token = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?start=0&end={size}&maxResults=1000" + (token is null ? "" : $"&pageToken={Uri.EscapeDataString(token)}"));
            foreach (var entry in page.GetProperty("entries").EnumerateArray())
            {
                Assert.Equal(next, entry.GetProperty("index").GetInt64());
                next++;
            }

            token = page.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(size, next);
    }

    /// <summary>Logs one metric point per request until stopped or the replica stops answering.</summary>
    private static async Task LogUntilStoppedAsync(HttpClient http, string runId, ConcurrentBag<(string, long)> acknowledged, CancellationToken stop)
    {
        for (long step = 0; !stop.IsCancellationRequested; step++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync(
                    "/api/2.0/mlflow/runs/log-metric", new { run_id = runId, key = "loss", value = 1.0 / (step + 1), timestamp = 1_700_000_000_000L + step, step }, CancellationToken.None);
                if (!response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                return;
            }

            acknowledged.Add((runId, step));
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
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
