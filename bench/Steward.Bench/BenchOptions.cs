namespace Steward.Bench;

/// <summary>Benchmark settings; the defaults are the published workload.</summary>
internal sealed record BenchOptions
{
    public string? Postgres { get; init; }

    /// <summary>Concurrent HTTP clients while logging.</summary>
    public int Clients { get; init; } = 4;

    /// <summary>Runs logged in full (10 params, 1,000 metric points each).</summary>
    public int Runs { get; init; } = 200;

    /// <summary>At most this many runs logged the same way before the measurement, until the JIT settles; 0 measures a cold server.</summary>
    public int WarmupRuns { get; init; } = 1_000;

    /// <summary>Total runs for the large search measurement.</summary>
    public int LargeRuns { get; init; } = 10_000;

    public int Searches { get; init; } = 50;

    /// <summary>
    /// Log as a data scientist with an API token on a server that requires credentials, instead
    /// of as the local admin: adds authentication and the per-write domain check.
    /// </summary>
    public bool AsUser { get; init; }
    /// <summary>Rounds of the paired check of the ledger's cost (with and without it); 0 runs the tracking workload instead.</summary>
    public int LedgerCostRounds { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--as-user")
            {
                options = options with { AsUser = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--postgres" => options with { Postgres = value },
                "--clients" => options with { Clients = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--ledger-cost" => options with { LedgerCostRounds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--warmup-runs" => options with { WarmupRuns = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--runs-large" => options with { LargeRuns = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        return options;
    }
}
