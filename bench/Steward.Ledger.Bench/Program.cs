using Steward.Ledger.Bench;

// Usage: dotnet run -c Release --project bench/Steward.Ledger.Bench [--sizes 1000000,10000000]
//        [--samples 10000] [--batch 1000] [--verify 1000000]
// Builds an in-memory Merkle log of synthetic audit entries and measures the ledger library
// alone: appends, proof latency at each size, and recomputing the root from the entries.
var options = LedgerBenchOptions.Parse(args);
Console.WriteLine($"Steward ledger benchmark — in-memory node store, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
new LedgerBenchmark(options).Run();
