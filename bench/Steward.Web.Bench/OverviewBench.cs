using System.Diagnostics;
using System.Globalization;
using Steward.Client;

namespace Steward.Web.Bench;

/// <summary>
/// Times the overview page (<c>/</c>) over a registry of <c>versions</c> model versions, ten per
/// model in four domains: every one of them counted, the 50 most recently changed looked at for
/// gates, approvals and failing audits.
/// </summary>
internal static class OverviewBench
{
    private static readonly string[] Domains = ["default", "retail", "risk", "marketing"];

    public static async Task RunAsync(StewardClient client, HttpClient http, int versions, int requests, Func<HttpClient, string, Task<byte[]>> fetch)
    {
        var seeding = Stopwatch.StartNew();
        foreach (var domain in Domains.Skip(1)) await client.CreateDomainAsync(domain);
        var models = (versions + 9) / 10;
        await Parallel.ForEachAsync(Enumerable.Range(0, models), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (m, cancellationToken) =>
        {
            var name = $"model-{m:D4}";
            await client.CreateModelAsync(name, domain: Domains[m % Domains.Length], cancellationToken: cancellationToken);
            for (var v = 0; v < Math.Min(10, versions - m * 10); v++)
                await client.CreateModelVersionAsync(name, $"mlflow-artifacts:/bench/{name}/{v}", cancellationToken: cancellationToken);
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overview over {versions:N0} versions of {models:N0} models seeded in {seeding.Elapsed.TotalSeconds:0.0} s"));

        for (var i = 0; i < 5; i++) await fetch(http, "/"); // warm-up: JIT, caches
        var times = new double[requests];
        var bytes = 0;
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            bytes = (await fetch(http, "/")).Length;
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine($"{"page",-40} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"KiB",8}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"overview (/)",-40} {times[requests / 2],8:0.0} {times[(int)(requests * 0.95)],8:0.0} {times[^1],8:0.0} {bytes / 1024.0,8:0}"));
    }
}
