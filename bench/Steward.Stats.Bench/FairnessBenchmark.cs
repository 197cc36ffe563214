using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Steward.Analytics.Fairness;
using Steward.Analytics.Files;
using Steward.Stats.Fairness;

/// <summary>
/// Fairness audit at scale: 5 million predictions, one sensitive feature of 6 groups. In memory
/// (ours: parallel counting over byte codes; naive: one thread, a dictionary per row) and from a
/// Parquet file through DuckDB's GROUP BY.
/// </summary>
internal static class FairnessBenchmark
{
    public const string Summary = "fairness audit of 5M rows x 6 groups: in memory (vs naive) and from Parquet";

    private static readonly string[] Groups = ["Group A", "Group B", "Group C", "Group D", "Group E", "Group F"];

    public static void Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000_000;
        InMemory(rows);
        FromParquet(rows);
    }

    private static void FromParquet(int rows)
    {
        var folder = Directory.CreateTempSubdirectory("steward-fairness-bench-");
        try
        {
            var path = Path.Combine(folder.FullName, "predictions.parquet");
            var write = Stopwatch.StartNew();
            WriteParquet(path, rows);
            write.Stop();

            var noBootstrap = new FairnessOptions { Bootstrap = null };
            var prediction = new FairnessDataSpec { Label = "label", Prediction = "prediction", Sensitive = ["group"] };
            var score = new FairnessDataSpec { Label = "label", Score = "score", Threshold = 0.5, Sensitive = ["group"] };
            var byPrediction = Time(() => Audit(path, prediction, noBootstrap), repeats: 7);
            var byScore = Time(() => Audit(path, score, noBootstrap), repeats: 7);
            var withBootstrap = Time(() => Audit(path, prediction, new FairnessOptions()), repeats: 5);

            Console.WriteLine($"from Parquet, {rows:N0} rows x {Groups.Length} groups (open file, DuckDB GROUP BY with validation, rates; file written by DuckDB COPY in {write.Elapsed.TotalSeconds:F1} s):");
            Console.WriteLine($"  binary prediction column          median {byPrediction.Median,8:F1} ms   best {byPrediction.Best,8:F1} ms");
            Console.WriteLine($"  score >= threshold                median {byScore.Median,8:F1} ms   best {byScore.Best,8:F1} ms");
            Console.WriteLine($"  prediction + 1,000 bootstrap      median {withBootstrap.Median,8:F1} ms");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static FairnessReport Audit(string path, FairnessDataSpec spec, FairnessOptions options)
    {
        using var file = DataFile.Open(path);
        return FairnessFileAudit.Run(file, spec, options);
    }

    private static void WriteParquet(string path, int rows)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT setseed(0.5);
            COPY (
                SELECT 'Group ' || chr(65 + g) AS "group", label,
                       CASE WHEN label = 1 THEN (u < 0.7)::INTEGER ELSE (u < 0.2)::INTEGER END AS prediction,
                       round(CASE WHEN label = 1 THEN 0.3 + 0.7 * u ELSE 0.8 * u END, 4) AS score
                FROM (SELECT g, (random() < 0.3 + 0.05 * g)::INTEGER AS label, random() AS u
                      FROM (SELECT (hash(i) % 6)::INTEGER AS g FROM range({rows}) t(i)))
            ) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)
            """;
        command.ExecuteNonQuery();
    }

    private static void InMemory(int rows)
    {
        var random = new Random(1);
        var values = new string?[rows];
        var labels = new bool[rows];
        var predictions = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var g = random.Next(Groups.Length);
            values[i] = Groups[g];
            labels[i] = random.NextDouble() < 0.3 + 0.05 * g;
            predictions[i] = random.NextDouble() < (labels[i] ? 0.7 : 0.2);
        }

        var encode = Stopwatch.StartNew();
        var codes = GroupCodes.Encode([new SensitiveColumn("group", values)]);
        encode.Stop();

        var noBootstrap = new FairnessOptions { Bootstrap = null };
        var ours = Time(() => FairnessAudit.Run(codes, labels, predictions, noBootstrap));
        var naive = Time(() => Naive(values, labels, predictions), repeats: 3);
        var table = codes.CountTable(labels, predictions);
        var bootstrap = Time(() => FairnessAudit.Run(table, new FairnessOptions()), repeats: 11);

        Console.WriteLine($"in memory, {rows:N0} rows x {Groups.Length} groups (count + rates + disparities, no bootstrap):");
        Console.WriteLine($"  ours  (parallel, byte codes)      median {ours.Median,8:F1} ms   best {ours.Best,8:F1} ms");
        Console.WriteLine($"  naive (1 thread, dictionary/row)  median {naive.Median,8:F1} ms   best {naive.Best,8:F1} ms   ({naive.Median / ours.Median:F0}x slower)");
        Console.WriteLine($"  encoding the text column to codes once: {encode.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"  1,000 bootstrap resamples of the counted table: median {bootstrap.Median:F1} ms");
    }

    /// <summary>What one would write first: per row, look the group up in a dictionary and bump a counter.</summary>
    private static Dictionary<string, double[]> Naive(string?[] groups, bool[] labels, bool[] predictions)
    {
        var counts = new Dictionary<string, long[]>();
        for (var i = 0; i < groups.Length; i++)
        {
            var key = groups[i] ?? "(missing)";
            if (!counts.TryGetValue(key, out var c))
                counts[key] = c = new long[4];
            c[(labels[i] ? 2 : 0) + (predictions[i] ? 1 : 0)]++;
        }
        return counts.ToDictionary(kv => kv.Key, kv =>
        {
            var (tn, fp, fn, tp) = (kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]);
            var n = (double)(tn + fp + fn + tp);
            return new[] { (tp + fp) / n, tp / (double)(tp + fn), fp / (double)(fp + tn), fn / (double)(tp + fn), (tp + tn) / n };
        });
    }

    private static (double Median, double Best) Time(Action action, int repeats = 21)
    {
        action(); // warm up: JIT, thread pool
        var times = new double[repeats];
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[r] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[repeats / 2], times[0]);
    }

}
