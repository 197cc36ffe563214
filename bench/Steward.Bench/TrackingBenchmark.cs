using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using System.Text.Json;

namespace Steward.Bench;

/// <summary>
/// The published tracking workload: 200 runs × (10 params + 1,000 metric points) sent by
/// log-batch, then runs/search (ordered by a metric, and newest first) over 200 and over
/// 10,000 runs, then metrics/get-history.
/// </summary>
internal sealed class TrackingBenchmark(HttpClient http, BenchOptions options, CpuMeter cpu)
{
    private const string Api = "/api/2.0/mlflow";
    private const string Filter = "metrics.m0 < 0.5 and params.p0 = 'a'";
    private const int MetricKeys = 10;
    private const int StepsPerKey = 100;
    private const int WarmupRound = 20;

    /// <summary>Fewer methods compiled during a warm-up round than this, and the JIT has settled.</summary>
    private const int SettledMethods = 25;

    private readonly Random _random = new(20261123);
    private readonly List<string> _runIds = [];
    private string _experimentId = "";

    public async Task RunAsync()
    {
        await WarmUpAsync();
        var logged = await MeasureLogBatchAsync();
        Report("log-batch throughput", $"{logged.PointsPerSecond:N0} metric points/s ({logged.Points:N0} points, {options.Runs} runs, {logged.Elapsed.TotalSeconds:N1} s)");
        Report("", logged.Cpu.Per(logged.Points / 1000.0, "1,000 points"));

        await ReportSearchesAsync();

        var fill = await FillRunsAsync(options.LargeRuns - _runIds.Count);
        Report("fill to large run count", $"{fill.TotalSeconds:N1} s");

        await ReportSearchesAsync();

        var history = await HistoryAsync();
        Report($"metrics/get-history ({StepsPerKey} points)", history);
    }

    /// <summary>Logs the measured runs (10 params and 1,000 points each) into a new experiment, which later searches read.</summary>
    public async Task<LogBatchFigure> MeasureLogBatchAsync()
    {
        _experimentId = await CreateExperimentAsync($"bench-{Guid.NewGuid():N}");
        _runIds.Clear();
        var (points, elapsed, used) = await LogFullRunsAsync(options.Runs);
        return new LogBatchFigure(points, elapsed, used);
    }

    /// <summary>
    /// Logs runs the way the measurement does, in an experiment of its own (the searches see
    /// only the measured runs), until the JIT has settled: the figures are then those of a
    /// server that has run a while, not of its first seconds, when compiling hot code again at
    /// higher tiers takes much of the CPU (measured: more than half the process's CPU time
    /// in the first 20 seconds of logging).
    /// </summary>
    public async Task WarmUpAsync()
    {
        if (options.WarmupRuns == 0) return;
        _experimentId = await CreateExperimentAsync($"bench-warmup-{Guid.NewGuid():N}");
        var clock = Stopwatch.StartNew();
        var runs = 0;
        var compiled = JitInfo.GetCompiledMethodCount();
        while (runs < options.WarmupRuns)
        {
            var round = Math.Min(WarmupRound, options.WarmupRuns - runs);
            await LogFullRunsAsync(round);
            runs += round;
            await Task.Delay(TimeSpan.FromMilliseconds(250)); // the background compiler's turn
            var now = JitInfo.GetCompiledMethodCount();
            if (now - compiled < SettledMethods) break;
            compiled = now;
        }

        _runIds.Clear();
        Report("warm-up", $"{runs} runs in {clock.Elapsed.TotalSeconds:N1} s, {JitInfo.GetCompiledMethodCount():N0} methods compiled");
    }

    private async Task<(long Points, TimeSpan Elapsed, CpuMeter.Sample Cpu)> LogFullRunsAsync(int runs)
    {
        var runIds = new List<string>(runs);
        for (var i = 0; i < runs; i++) runIds.Add(await CreateRunAsync());
        _runIds.AddRange(runIds);

        // Bodies are built before the clock starts: the figure is the server's, not the client's.
        var bodies = runIds.Select(id => (Params: ParamsBody(id), Metrics: MetricsBody(id))).ToList();
        var next = -1;
        // Progress on stderr, so a profiler can be started when the clock does.
        Console.Error.WriteLine($"  logging {runs} runs...");
        var cpuBefore = cpu.Read();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                (await PostAsync("runs/log-batch", bodies[i].Params)).Dispose();
                (await PostAsync("runs/log-batch", bodies[i].Metrics)).Dispose();
            }
        }));
        clock.Stop();
        return ((long)runs * MetricKeys * StepsPerKey, clock.Elapsed, cpu.Read() - cpuBefore);
    }

    private async Task<TimeSpan> FillRunsAsync(int runs)
    {
        var clock = Stopwatch.StartNew();
        var remaining = runs;
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var id = await CreateRunAsync();
                lock (_runIds) _runIds.Add(id);
                (await PostAsync("runs/log-batch", SmallRunBody(id))).Dispose();
            }
        }));
        return clock.Elapsed;
    }

    /// <summary>The filtered search ordered by a metric, then in MLflow's default order (newest first).</summary>
    private async Task ReportSearchesAsync()
    {
        Report($"runs/search over {_runIds.Count:N0} runs", await SearchAsync("metrics.m1 DESC"));
        Report($"  same, newest first", await SearchAsync(orderBy: null));
    }

    private async Task<string> SearchAsync(string? orderBy)
    {
        var body = Json(w =>
        {
            w.WriteStartArray("experiment_ids");
            w.WriteStringValue(_experimentId);
            w.WriteEndArray();
            w.WriteString("filter", Filter);
            if (orderBy is not null)
            {
                w.WriteStartArray("order_by");
                w.WriteStringValue(orderBy);
                w.WriteEndArray();
            }

            w.WriteNumber("max_results", 100);
        });

        int found = 0;
        var timings = await TimeAsync(options.Searches, async () =>
        {
            using var response = await PostAsync("runs/search", body);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            found = json.RootElement.TryGetProperty("runs", out var runs) ? runs.GetArrayLength() : 0;
        });
        if (found is 0 or > 100) throw new InvalidOperationException($"search returned {found} runs, expected 1 to 100");
        return timings;
    }

    private async Task<string> HistoryAsync()
    {
        var i = 0;
        return await TimeAsync(options.Searches, async () =>
        {
            var runId = _runIds[i++ % options.Runs];
            using var response = await http.GetAsync($"{Api}/metrics/get-history?run_id={runId}&metric_key=m0");
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            var points = json.RootElement.GetProperty("metrics").GetArrayLength();
            if (points != StepsPerKey) throw new InvalidOperationException($"history had {points} points, expected {StepsPerKey}");
        });
    }

    private static async Task<string> TimeAsync(int count, Func<Task> call)
    {
        for (var i = 0; i < 5; i++) await call(); // warm-up: JIT, connection, caches
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return $"p50 {Percentile(samples, 0.50):N1} ms, p95 {Percentile(samples, 0.95):N1} ms ({count} calls)";
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Length) - 1];

    private async Task<string> CreateExperimentAsync(string name)
    {
        using var response = await PostAsync("experiments/create", Json(w => w.WriteString("name", name)));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("experiment_id").GetString()!;
    }

    private async Task<string> CreateRunAsync()
    {
        var body = Json(w =>
        {
            w.WriteString("experiment_id", _experimentId);
            w.WriteNumber("start_time", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        });
        using var response = await PostAsync("runs/create", body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
    }

    private byte[] ParamsBody(string runId) => Json(w =>
    {
        w.WriteString("run_id", runId);
        WriteParams(w);
    });

    /// <summary>A full run's metrics: 10 keys × 100 steps = 1,000 points, one batch.</summary>
    private byte[] MetricsBody(string runId) => Json(w =>
    {
        w.WriteString("run_id", runId);
        WriteMetrics(w, StepsPerKey);
    });

    /// <summary>A run of the large set: its params and one point per metric key, one batch.</summary>
    private byte[] SmallRunBody(string runId)
    {
        lock (_random)
        {
            return Json(w =>
            {
                w.WriteString("run_id", runId);
                WriteParams(w);
                WriteMetrics(w, steps: 1);
            });
        }
    }

    /// <summary>p0 is "a" or "b" (the search filters on it); p1..p9 vary.</summary>
    private void WriteParams(Utf8JsonWriter w)
    {
        w.WriteStartArray("params");
        for (var p = 0; p < 10; p++)
        {
            w.WriteStartObject();
            w.WriteString("key", $"p{p}");
            w.WriteString("value", p == 0 ? (_random.Next(2) == 0 ? "a" : "b") : $"value-{_random.Next(100)}");
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void WriteMetrics(Utf8JsonWriter w, int steps)
    {
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        w.WriteStartArray("metrics");
        for (var step = 0; step < steps; step++)
        {
            for (var k = 0; k < MetricKeys; k++)
            {
                w.WriteStartObject();
                w.WriteString("key", $"m{k}");
                w.WriteNumber("value", _random.NextDouble());
                w.WriteNumber("timestamp", start + step);
                w.WriteNumber("step", step);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await http.PostAsync($"{Api}/{path}", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Report(string what, string figure) => Console.WriteLine($"  {what,-36} {figure}");
}

/// <summary>One log-batch measurement: points logged, wall time, CPU used meanwhile.</summary>
internal sealed record LogBatchFigure(long Points, TimeSpan Elapsed, CpuMeter.Sample Cpu)
{
    public double PointsPerSecond => Points / Elapsed.TotalSeconds;
}
