using System.Globalization;

namespace Steward.Ledger.Bench;

/// <summary>Benchmark settings; the defaults are the published workload.</summary>
internal sealed record LedgerBenchOptions
{
    /// <summary>Tree sizes at which proofs are measured; the log is built up to the largest.</summary>
    public long[] Sizes { get; init; } = [1_000_000, 10_000_000];

    /// <summary>Proofs measured per kind and size.</summary>
    public int Samples { get; init; } = 10_000;

    /// <summary>Entries per batched append.</summary>
    public int Batch { get; init; } = 1_000;

    /// <summary>Entries whose root is recomputed from scratch in the verification measurement.</summary>
    public long Verify { get; init; } = 1_000_000;

    public static LedgerBenchOptions Parse(string[] args)
    {
        var options = new LedgerBenchOptions();
        for (int i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = [.. value.Split(',').Select(long.Parse).Order()] },
                "--samples" => options with { Samples = int.Parse(value, CultureInfo.InvariantCulture) },
                "--batch" => options with { Batch = int.Parse(value, CultureInfo.InvariantCulture) },
                "--verify" => options with { Verify = long.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }
}
