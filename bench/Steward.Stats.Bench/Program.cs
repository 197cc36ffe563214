using Steward.Stats.Bench;

// Usage: dotnet run -c Release --project bench/Steward.Stats.Bench -- <benchmark> [options]
// Each benchmark prints its figures beside a naive single-threaded implementation of the same
// computation, run in the same process on the same data, so the ratio is visible.
var benchmarks = new Dictionary<string, (string Summary, Action<string[]> Run)>(StringComparer.Ordinal)
{
    ["fairness"] = (FairnessBenchmark.Summary, FairnessBenchmark.Run),
    ["evaluation"] = ("binary evaluation of 10M rows: every metric and curve", EvaluationBenchmark.Run),
    ["drift"] = (DriftBenchmark.Summary, DriftBenchmark.Run),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var chosen))
{
    Console.Error.WriteLine("usage: Steward.Stats.Bench <benchmark> [options]; benchmarks:");
    foreach (var (name, (summary, _)) in benchmarks)
        Console.Error.WriteLine($"  {name,-12} {summary}");
    return 1;
}

Console.WriteLine($"Steward statistics benchmark '{args[0]}' — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
chosen.Run(args[1..]);
return 0;
