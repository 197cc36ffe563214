using Steward.Bench;

// Usage: steward-bench [--postgres "Host=...;Username=...;Database=postgres"] [--clients N] [--runs N]
//                     [--runs-large N] [--warmup-runs N] [--ledger-cost ROUNDS] [--as-user]
// Starts a Steward server in-process on a free loopback port (SQLite in a temp folder, or a fresh
// PostgreSQL database) and measures it through the MLflow-compatible REST API. With
// --ledger-cost, measures log-batch with and without the audit ledger instead (paired rounds).
var options = BenchOptions.Parse(args);
if (options.LedgerCostRounds > 0)
{
    await LedgerCostCheck.RunAsync(options, await CpuMeter.CreateAsync(options.Postgres));
    return;
}

await using var target = await BenchTarget.StartAsync(options);
Console.WriteLine($"Steward REST benchmark — {target.Description}, {Environment.ProcessorCount} cores, {options.Clients} concurrent clients, as {(options.AsUser ? "a data scientist with a token" : "the local admin")}");
await new TrackingBenchmark(target.Client, options, await CpuMeter.CreateAsync(options.Postgres)).RunAsync();
