using Steward.LedgerStore.Bench;

// Usage: dotnet run -c Release --project bench/Steward.LedgerStore.Bench -- [--postgres "Host=...;Username=...;Database=postgres"]
//        [--single 2000] [--writers 4] [--batch 1000] [--batched 200000] [--sizes 1000000,10000000] [--samples 2000] [--verify 1000000]
// Opens Steward's storage on an empty SQLite file (or a fresh PostgreSQL database) and measures
// the audit ledger through the store: appends, proofs read from the database, full verification.
var options = LedgerStoreBenchOptions.Parse(args);
await using var target = await BenchStorage.OpenAsync(options.Postgres);
Console.WriteLine($"Steward ledger store benchmark — {target.Storage.Description}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
await new LedgerStoreBenchmark(target.Storage.Ledger, options).RunAsync();
