using System.Globalization;

namespace Steward.LedgerStore.Bench;

/// <summary>Benchmark settings; the defaults are the published workload.</summary>
internal sealed record LedgerStoreBenchOptions
{
    /// <summary>A PostgreSQL server (a database is created and dropped); null measures SQLite in a temporary folder.</summary>
    public string? Postgres { get; init; }

    /// <summary>Entries appended one per transaction, by one writer and again by <see cref="Writers"/> writers.</summary>
    public int Single { get; init; } = 2_000;

    /// <summary>Concurrent writers for the second single-append measurement.</summary>
    public int Writers { get; init; } = 4;

    /// <summary>Entries per transaction in the batched measurement and while building the log.</summary>
    public int Batch { get; init; } = 1_000;

    /// <summary>Entries appended in the batched measurement.</summary>
    public int Batched { get; init; } = 200_000;

    /// <summary>Log sizes at which proofs are measured; the log is built up to the largest.</summary>
    public long[] Sizes { get; init; } = [1_000_000, 10_000_000];

    /// <summary>Proofs measured per kind and size.</summary>
    public int Samples { get; init; } = 2_000;

    /// <summary>The log size at which full verification is measured (one of the sizes, or below the first).</summary>
    public long Verify { get; init; } = 1_000_000;

    public static LedgerStoreBenchOptions Parse(string[] args)
    {
        var options = new LedgerStoreBenchOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--postgres" => options with { Postgres = value },
                "--single" => options with { Single = Int(value) },
                "--writers" => options with { Writers = Int(value) },
                "--batch" => options with { Batch = Int(value) },
                "--batched" => options with { Batched = Int(value) },
                "--sizes" => options with { Sizes = [.. value.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).Order()] },
                "--samples" => options with { Samples = Int(value) },
                "--verify" => options with { Verify = long.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (options.Writers < 1 || options.Batch < 1 || options.Samples < 1) throw new ArgumentException("--writers, --batch and --samples must be at least 1");
        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
