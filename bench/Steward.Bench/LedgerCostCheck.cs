namespace Steward.Bench;

/// <summary>
/// What the audit ledger costs log-batch: two servers in this process on the same kind of
/// storage, one of them without the ledger (its storage opened with <see cref="NoLedger"/>),
/// measured in alternating rounds (with, without, then without, with...) so that a change in
/// the machine's load touches both alike. Reports throughput and CPU per 1,000 points of
/// each, and the ledger's share of both.
/// </summary>
/// <remarks>
/// Without the ledger no entry is appended: no entry row, hashes or tree state, no ledger
/// lock on PostgreSQL. The service still computes each request's payload digest, which it does
/// before storage is reached.
/// </remarks>
internal static class LedgerCostCheck
{
    private const double Target = 0.15;

    public static async Task RunAsync(BenchOptions options, CpuMeter cpu)
    {
        await using var with = await BenchTarget.StartAsync(options);
        await using var without = await BenchTarget.StartAsync(options, withoutLedger: true);
        Console.WriteLine($"Ledger cost — {with.Description} and {without.Description} (no ledger), {Environment.ProcessorCount} cores, {options.Clients} concurrent clients, {options.Runs} runs × 1,000 points per round");
        var benchmarks = new[] { new TrackingBenchmark(with.Client, options, cpu), new TrackingBenchmark(without.Client, options, cpu) };
        // The first warm-up compiles what both servers run; the second then only fills its pools.
        foreach (var benchmark in benchmarks) await benchmark.WarmUpAsync();

        var figures = new[] { new List<LogBatchFigure>(), new List<LogBatchFigure>() };
        for (var round = 1; round <= options.LedgerCostRounds; round++)
        {
            int[] order = round % 2 == 1 ? [0, 1] : [1, 0];
            foreach (var which in order) figures[which].Add(await benchmarks[which].MeasureLogBatchAsync());
            Console.WriteLine($"  round {round,-3} with ledger {Describe(figures[0][^1])}   without {Describe(figures[1][^1])}");
        }

        var withRate = Median(figures[0].Select(f => f.PointsPerSecond));
        var withoutRate = Median(figures[1].Select(f => f.PointsPerSecond));
        var withCpu = Median(figures[0].Select(f => f.Cpu.TotalPerThousand(f.Points)));
        var withoutCpu = Median(figures[1].Select(f => f.Cpu.TotalPerThousand(f.Points)));
        Console.WriteLine($"  median    with ledger {withRate:N0} points/s, {withCpu:N2} ms CPU per 1,000 points   without {withoutRate:N0} points/s, {withoutCpu:N2} ms");
        var throughputCost = 1 - (withRate / withoutRate);
        var cpuCost = 1 - (withoutCpu / withCpu);
        Console.WriteLine($"  ratio     with / without: throughput {withRate / withoutRate:F3} (the ledger costs {throughputCost:P1}); CPU per point {withCpu / withoutCpu:F3} (ledger share {cpuCost:P1}); target: under {Target:P0}");
    }

    private static string Describe(LogBatchFigure figure) =>
        $"{figure.PointsPerSecond,9:N0} points/s ({figure.Cpu.TotalPerThousand(figure.Points):N2} ms CPU / 1,000)";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
