using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Steward.Analytics.Drift;
using Steward.Stats.Drift;
using Steward.Stats.Drift.Distances;
using Steward.Stats.Drift.Kolmogorov;

namespace Steward.Stats.Bench;

/// <summary>
/// Drift audit of numeric columns (default 1,000,000 reference and 1,000,000 current rows × 20
/// columns): PSI, KS with p-value, Wasserstein and Jensen–Shannon per column, by the engine
/// (radix sort, one merge pass, columns in parallel) and by a naive single-threaded version
/// (Array.Sort per column, binary search per value for the bins) on the same data.
/// </summary>
internal static class DriftBenchmark
{
    public const string Summary = "drift audit, 1M x 20 numeric columns: engine vs naive single-threaded";

    public static void Run(string[] args)
    {
        // --rows N, --columns N, --repeat N; --files also times the audit from two Parquet files.
        var rows = Option(args, "--rows", 1_000_000);
        var columnCount = Option(args, "--columns", 20);
        var repeat = Option(args, "--repeat", 5);
        Console.WriteLine($"{rows:N0} reference and {rows:N0} current rows x {columnCount} numeric columns; best and median of {repeat} runs");

        var columns = Generate(rows, columnCount);
        var options = new DriftOptions { Method = DriftMethod.Psi };

        DriftAudit.Run(columns, options); // warm-up: JIT and thread pool
        var engine = Time(repeat, () => DriftAudit.Run(columns, options), out var report);
        Console.WriteLine($"engine ({Environment.ProcessorCount} cores): best {engine.Best:F0} ms, median {engine.Median:F0} ms (CPU {engine.Cpu:F0} ms); {report.DriftedColumns} of {report.Columns.Count} columns drifted by PSI >= 0.1");

        var naive = Time(Math.Min(repeat, 2), () => columns.Select(c => Naive(c, options.Bins)).ToArray(), out var naiveResults);
        Console.WriteLine($"naive (1 thread):   best {naive.Best:F0} ms, median {naive.Median:F0} ms (CPU {naive.Cpu:F0} ms)");
        Console.WriteLine($"ratio: {naive.Best / engine.Best:F1}x");

        // The two must agree, or the comparison means nothing.
        for (var i = 0; i < columnCount; i++)
        {
            var a = report.Columns[i];
            var b = naiveResults[i];
            if (a.Statistic != b.Statistic || a.PValue != b.PValue || Math.Abs(a.Psi - b.Psi) > 1e-12 * Math.Max(1, b.Psi)
                || Math.Abs(a.Wasserstein!.Value - b.Wasserstein) > 1e-9 * b.Wasserstein)
                throw new InvalidOperationException($"column {a.Column}: engine and naive disagree");
        }
        Console.WriteLine("engine and naive results agree on every column");

        if (args.Contains("--files"))
            Files(rows, columnCount, repeat);
    }

    /// <summary>The same audit from two Parquet files: DuckDB reads the columns, the engine compares them.</summary>
    private static void Files(int rows, int columnCount, int repeat)
    {
        var folder = Directory.CreateTempSubdirectory("steward-drift-bench-").FullName;
        try
        {
            var reference = Path.Combine(folder, "reference.parquet");
            var current = Path.Combine(folder, "current.parquet");
            using (var connection = new DuckDBConnection("DataSource=:memory:"))
            {
                connection.Open();
                foreach (var (path, shift) in new[] { (reference, 0.0), (current, 0.01) })
                {
                    var columns = string.Join(", ", Enumerable.Range(0, columnCount).Select(c =>
                        string.Create(CultureInfo.InvariantCulture, $"sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) + {shift * (c % 2)} AS x{c}")));
                    using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT setseed({(shift == 0 ? 0.1 : 0.2).ToString(CultureInfo.InvariantCulture)}); "
                        + $"COPY (SELECT {columns} FROM range({rows})) TO '{path}' (FORMAT parquet)";
                    command.ExecuteNonQuery();
                }
            }
            var options = new DriftFileOptions { Drift = new DriftOptions { Method = DriftMethod.Psi } };
            DriftFiles.Run(reference, current, null, options);
            var files = Time(repeat, () => DriftFiles.Run(reference, current, null, options), out var report);
            Console.WriteLine($"from two Parquet files (open, read {2 * columnCount} columns through DuckDB, compare): best {files.Best:F0} ms, median {files.Median:F0} ms (CPU {files.Cpu:F0} ms); {report.DriftedColumns} drifted");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Wall-clock best and median, and the process CPU time of the best run (less disturbed by other load).</summary>
    private static (double Best, double Median, double Cpu) Time<T>(int repeat, Func<T> action, out T result)
    {
        var times = new (double Wall, double Cpu)[repeat];
        result = default!;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeat; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = action();
            var wall = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            times[i] = (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
        }
        Array.Sort(times);
        return (times[0].Wall, times[repeat / 2].Wall, times[0].Cpu);
    }

    /// <summary>Columns of several shapes; every other one shifted or rescaled a little in the current sample.</summary>
    private static DriftColumn[] Generate(int rows, int count)
    {
        var columns = new DriftColumn[count];
        Parallel.For(0, count, c =>
        {
            var random = new Random(1000 + c);
            var shift = c % 2 == 0 ? 0.0 : 0.002 * c;
            var reference = new double[rows];
            var current = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                reference[i] = Draw(random, c % 4, 0.0);
                current[i] = Draw(random, c % 4, shift);
            }
            columns[c] = DriftColumn.Numeric($"x{c}", reference, current);
        });
        return columns;
    }

    private static double Draw(Random random, int shape, double shift) => shape switch
    {
        0 => Normal(random) + shift, // normal
        1 => Math.Exp(0.5 * Normal(random) + shift), // log-normal
        2 => random.NextDouble() * (1 + shift), // uniform
        _ => Math.Round(100 * (Normal(random) + 3 + shift)) / 100, // rounded to cents: many ties
    };

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed record NaiveResult(double Statistic, double PValue, double Psi, double Wasserstein);

    /// <summary>The textbook way: sort copies, binary search every value into its bin, walk the ECDFs.</summary>
    private static NaiveResult Naive(DriftColumn column, int bins)
    {
        var reference = column.ReferenceNumbers!.Where(double.IsFinite).ToArray();
        var current = column.CurrentNumbers!.Where(double.IsFinite).ToArray();
        Array.Sort(reference);
        Array.Sort(current);

        var edges = new List<double>();
        for (var i = 1; i < bins; i++)
        {
            var h = (reference.Length - 1) * ((double)i / bins);
            var lo = (int)Math.Floor(h);
            var g = h - lo;
            var q = lo + 1 >= reference.Length ? reference[^1]
                : g >= 0.5 ? reference[lo + 1] - (reference[lo + 1] - reference[lo]) * (1 - g)
                : reference[lo] + (reference[lo + 1] - reference[lo]) * g;
            if (edges.Count == 0 || q != edges[^1])
                edges.Add(q);
        }
        var referenceCounts = new long[edges.Count + 1];
        var currentCounts = new long[edges.Count + 1];
        foreach (var v in reference)
            referenceCounts[BinOf(edges, v)]++;
        foreach (var v in current)
            currentCounts[BinOf(edges, v)]++;
        var psi = PopulationStabilityIndex.Compute(
            referenceCounts.Select(k => (double)k / reference.Length).ToArray(),
            currentCounts.Select(k => (double)k / current.Length).ToArray());

        double n1 = reference.Length, n2 = current.Length, d = 0, w = 0;
        int a = 0, b = 0;
        while (a < reference.Length || b < current.Length)
        {
            var v = Math.Min(a < reference.Length ? reference[a] : double.PositiveInfinity, b < current.Length ? current[b] : double.PositiveInfinity);
            while (a < reference.Length && reference[a] == v) a++;
            while (b < current.Length && current[b] == v) b++;
            var diff = a / n1 - b / n2;
            d = Math.Max(d, Math.Abs(diff));
            var next = Math.Min(a < reference.Length ? reference[a] : double.PositiveInfinity, b < current.Length ? current[b] : double.PositiveInfinity);
            if (!double.IsPositiveInfinity(next))
                w += Math.Abs(diff) * (next - v);
        }
        var p = TwoSampleKolmogorovSmirnov.PValue(reference.Length, current.Length, d, out var statistic, out _);
        return new NaiveResult(statistic, p, psi, w);
    }

    private static int BinOf(List<double> edges, double value)
    {
        var index = edges.BinarySearch(value);
        // Bin = number of edges <= value.
        if (index < 0)
            return ~index;
        while (index + 1 < edges.Count && edges[index + 1] == value)
            index++;
        return index + 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
