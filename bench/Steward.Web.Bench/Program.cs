using System.Diagnostics;
using System.Globalization;
using Steward.Client;
using Steward.Server;
using Steward.Web.Bench;

// Usage: steward-web-bench [--runs N] [--requests N] [--overview-versions N]
// Starts a Steward server in-process on a free loopback port (SQLite in a temp folder), logs N runs
// (default 10,000) into one experiment through the REST API, then times whole pages of the web
// UI's run table — HTML rendered on the server, read to the last byte — as a browser asks for them.
// With --overview-versions N it registers N model versions instead and times the overview page.
var runs = Option(args, "--runs", 10_000);
var requests = Option(args, "--requests", 200);
var overviewVersions = Option(args, "--overview-versions", 0);
var folder = Path.Combine(Path.GetTempPath(), "steward-web-bench", Guid.NewGuid().ToString("N"));
try
{
    await using var server = await StewardServer.StartAsync(new StewardServerOptions { Port = 0, DataDirectory = folder }, CancellationToken.None);
    using var client = new StewardClient(server.Address);
    if (overviewVersions > 0)
    {
        using var overviewHttp = new HttpClient { BaseAddress = server.Address };
        await OverviewBench.RunAsync(client, overviewHttp, overviewVersions, requests, Fetch);
        return;
    }

    var experiment = await client.CreateExperimentAsync("web-bench");
    var seeding = Stopwatch.StartNew();
    await Seed.RunsAsync(client, experiment.ExperimentId, runs);
    Console.WriteLine($"Steward web UI benchmark — SQLite, {Environment.ProcessorCount} cores; {runs:N0} runs logged in {seeding.Elapsed.TotalSeconds:0.0} s");

    using var http = new HttpClient { BaseAddress = server.Address };
    var page = $"/experiments/{experiment.ExperimentId}";
    var newest = new RunSearch([experiment.ExperimentId]) { OrderBy = ["attributes.start_time DESC"], MaxResults = 50 };
    var (thirdUrl, thirdToken) = await ThirdPageAsync(client, newest, page);
    // Each page beside the native API's search of the same rows: the difference is the UI's own cost.
    var cases = new (string Name, string Url, RunSearch Search, string? Token)[]
    {
        ("newest first, 50 rows", page, newest, null),
        ("sorted by a metric, 50 rows", page + "?order=" + Uri.EscapeDataString("metrics.auc DESC"), newest with { OrderBy = ["metrics.auc DESC"] }, null),
        ("filtered on metric and param, 50 rows", page + "?filter=" + Uri.EscapeDataString("metrics.auc > 0.9 and params.model = 'lgbm'"),
            newest with { Filter = "metrics.auc > 0.9 and params.model = 'lgbm'" }, null),
        ("newest first, 250 rows", page + "?size=250", newest with { MaxResults = 250 }, null),
        ("third page, 50 rows", thirdUrl, newest, thirdToken),
    };
    Console.WriteLine($"{"page of the run table",-40} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"KiB",8} {"API search p50 ms",18}");
    foreach (var (name, url, search, token) in cases)
    {
        var bytes = 0;
        for (var i = 0; i < 10; i++) bytes = (await Fetch(http, url)).Length; // warm-up: JIT, caches
        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await Fetch(http, url);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        var api = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await client.SearchRunsAsync(search, token);
            api[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(api);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} {times[requests / 2],8:0.0} {times[(int)(requests * 0.95)],8:0.0} {times[^1],8:0.0} {bytes / 1024.0,8:0} {api[requests / 2],18:0.0}"));
    }
}
finally
{
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}

static async Task<byte[]> Fetch(HttpClient http, string url)
{
    using var response = await http.GetAsync(url);
    response.EnsureSuccessStatusCode();
    return await response.Content.ReadAsByteArrayAsync();
}

// The page token of page three, as the table's "Next page" link carries it.
static async Task<(string Url, string Token)> ThirdPageAsync(StewardClient client, RunSearch search, string page)
{
    var first = await client.SearchRunsAsync(search);
    var second = await client.SearchRunsAsync(search, first.NextPageToken);
    return (page + "?page=" + Uri.EscapeDataString(second.NextPageToken!), second.NextPageToken!);
}

static int Option(string[] args, string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
