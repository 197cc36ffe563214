using Steward.Stats.Classification;
using Steward.Stats.Fairness;

namespace Steward.Stats.Tests.Fairness;

/// <summary>Inputs shared by the fairness tests: reference tables as counts, the synthetic CSV as columns.</summary>
internal static class FairnessTestData
{
    public static string SyntheticCsv { get; } = Path.Combine(RepositoryRoot(), "tests", "Steward.Stats.Tests", "Reference", "fairness_synthetic.csv");

    /// <summary>The contingency table behind reference rows (their counts), for checking the metrics alone.</summary>
    public static FairnessTable Table(string[] features, FairnessReference.Row[] rows) =>
        FairnessTable.Create(features, rows.Select(r => new GroupCounts(r.Group, new ConfusionCounts(r.TruePositives, r.FalsePositives, r.TrueNegatives, r.FalseNegatives))));

    /// <summary>The synthetic CSV's columns (plain comma-separated, no quoting; an empty field is missing).</summary>
    public static Dictionary<string, string?[]> ReadSynthetic()
    {
        var lines = File.ReadAllLines(SyntheticCsv);
        var header = lines[0].Split(',');
        var columns = header.ToDictionary(h => h, _ => new string?[lines.Length - 1]);
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            for (var c = 0; c < header.Length; c++)
                columns[header[c]][i - 1] = fields[c].Length == 0 ? null : fields[c];
        }
        return columns;
    }

    public static bool[] Binary(string?[] values) => values.Select(v => v == "1").ToArray();

    public static bool[] AtLeast(string?[] scores, double threshold) =>
        scores.Select(v => double.Parse(v!, System.Globalization.CultureInfo.InvariantCulture) >= threshold).ToArray();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Steward.slnx not found above " + AppContext.BaseDirectory);
    }
}
