using System.Diagnostics;
using Steward.Stats.Evaluation;

/// <summary>
/// Binary evaluation of 10 million rows (every metric, the confusion matrix, ROC, precision-recall and
/// calibration curves) by the engine, beside a naive single-threaded implementation: Array.Sort of the
/// score/label pairs and straightforward loops. Two score shapes: full-precision scores (almost every
/// score distinct) and scores rounded to three decimals (1,001 distinct values, heavy ties).
/// Options: --rows N (default 10,000,000), --runs N (default 5).
/// </summary>
internal static class EvaluationBenchmark
{
    public static void Run(string[] args)
    {
        var rows = Option(args, "--rows", 10_000_000);
        var runs = Option(args, "--runs", 5);
        foreach (var decimals in new int?[] { null, 3 })
        {
            var (labels, scores) = Generate(rows, decimals, seed: 20261123);
            Console.WriteLine();
            Console.WriteLine($"{rows:N0} rows, scores {(decimals is null ? "at full precision" : $"rounded to {decimals} decimals")}");

            BinaryEvaluationReport? ours = null;
            var oursTimes = Measure(runs, () => ours = BinaryEvaluation.Evaluate(labels, scores));
            NaiveResult naive = default;
            var naiveTimes = Measure(Math.Max(1, runs / 2), () => naive = NaiveBinaryEvaluation.Evaluate(labels, scores, 0.5, 10));

            Check("rocAuc", naive.RocAuc, ours!.Metrics.RocAuc!.Value);
            Check("averagePrecision", naive.AveragePrecision, ours.Metrics.AveragePrecision);
            Check("logLoss", naive.LogLoss, ours.Metrics.LogLoss!.Value);
            Check("brierScore", naive.BrierScore, ours.Metrics.BrierScore!.Value);
            Check("f1", naive.F1, ours.Metrics.F1);

            Console.WriteLine($"  distinct scores {naive.DistinctScores:N0}; AUC {ours.Metrics.RocAuc:F6}, AP {ours.Metrics.AveragePrecision:F6} (agree with naive to 1e-9)");
            Console.WriteLine($"  Steward.Stats   median {Median(oursTimes.Wall),8:F0} ms   (min {oursTimes.Wall.Min(),6:F0}, max {oursTimes.Wall.Max(),6:F0}; CPU {Median(oursTimes.Cpu):F0} ms; {runs} runs)");
            Console.WriteLine($"  naive           median {Median(naiveTimes.Wall),8:F0} ms   (min {naiveTimes.Wall.Min(),6:F0}, max {naiveTimes.Wall.Max(),6:F0}; CPU {Median(naiveTimes.Cpu):F0} ms; {naiveTimes.Wall.Count} runs)");
            Console.WriteLine($"  speed-up        {Median(naiveTimes.Wall) / Median(oursTimes.Wall),8:F1} ×");
        }
    }

    private static (bool[] Labels, double[] Scores) Generate(int rows, int? decimals, int seed)
    {
        var random = new Random(seed);
        var labels = new bool[rows];
        var scores = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            var logit = (labels[i] ? 0.8 : -0.8) + 1.5 * (random.NextDouble() + random.NextDouble() - 1);
            var score = 1 / (1 + Math.Exp(-logit));
            scores[i] = decimals is { } d ? Math.Round(score, d) : score;
        }

        return (labels, scores);
    }

    /// <summary>Wall-clock and process CPU time of each run; CPU time is less disturbed by other processes on a busy machine.</summary>
    private static (List<double> Wall, List<double> Cpu) Measure(int runs, Action action)
    {
        action(); // warm-up: JIT and first-touch of the buffers
        var process = Process.GetCurrentProcess();
        var (wall, cpu) = (new List<double>(), new List<double>());
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            wall.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        return (wall, cpu);
    }

    private static void Check(string metric, double naive, double ours)
    {
        if (Math.Abs(naive - ours) > 1e-9)
            throw new InvalidOperationException($"{metric} disagrees: naive {naive:R}, Steward.Stats {ours:R}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
