using System.Globalization;
using Steward.Replicas.Bench;

// Usage: steward-replicas-bench --postgres "Host=...;Username=...;Database=postgres" [--clients N] [--seconds S]
// For 1 and for 2 servers started in this process on one fresh PostgreSQL database, N clients
// spread over the servers send MLflow log-metric and set-tag requests (one write each) for S
// seconds; then N writers append single ledger entries straight to the store for S seconds.
string? postgres = null;
var clients = 8;
var seconds = 15;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--postgres": postgres = args[i + 1]; break;
        case "--clients": clients = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: throw new ArgumentException($"unknown option {args[i]}");
    }
}

postgres ??= Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES") ?? throw new ArgumentException("--postgres is required");
var duration = TimeSpan.FromSeconds(seconds);
Console.WriteLine($"Steward replicas benchmark — PostgreSQL, {Environment.ProcessorCount} cores, {clients} concurrent clients, {seconds} s per figure, servers in this process");
foreach (var kind in new[] { WriteKind.LogMetric, WriteKind.SetTag })
{
    foreach (var replicas in new[] { 1, 2 })
    {
        await using var cluster = await Cluster.StartAsync(postgres, replicas);
        var result = await WriteLoad.RunAsync(cluster, kind, clients, duration);
        Console.WriteLine($"{kind.Path,-20} {replicas} replica(s): {result.PerSecond,8:N0} writes/s  (p50 {result.P50Ms:N1} ms, p99 {result.P99Ms:N1} ms, {result.Errors} errors)");
    }
}

await using (var cluster = await Cluster.StartAsync(postgres, 0))
{
    var appends = await AppendLoad.RunAsync(cluster, clients, duration);
    Console.WriteLine($"{"ledger single append",-20} store:        {appends,8:N0} appends/s ({clients} writers, one entry per transaction)");
}
