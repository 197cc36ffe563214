using System.Globalization;

namespace Steward.Stats.Tests.Evaluation;

/// <summary>
/// The seeded CSV files that <c>Reference/evaluation_reference.py</c> writes and reads, so the tests
/// and scikit-learn see the same rows. Plain comma-separated values without quoting.
/// </summary>
internal static class ReferenceData
{
    public static string Folder { get; } = FindFolder();

    /// <summary>A <c>label,score</c> file: label 1 is positive (or <paramref name="positive"/> when given).</summary>
    public static (bool[] Labels, double[] Scores) Binary(string file, int labelColumn = 0, int scoreColumn = 1, string positive = "1")
    {
        var rows = Rows(file);
        return (rows.Select(r => r[labelColumn] == positive).ToArray(), rows.Select(r => Number(r[scoreColumn])).ToArray());
    }

    public static (double[] Actual, double[] Predicted) Numbers(string file)
    {
        var rows = Rows(file);
        return (rows.Select(r => Number(r[0])).ToArray(), rows.Select(r => Number(r[1])).ToArray());
    }

    public static (string?[] Actual, string?[] Predicted) Text(string file)
    {
        var rows = Rows(file);
        return (rows.Select(r => (string?)r[0]).ToArray(), rows.Select(r => (string?)r[1]).ToArray());
    }

    private static List<string[]> Rows(string file) =>
        File.ReadAllLines(Path.Combine(Folder, file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
                return Path.Combine(dir.FullName, "tests", "Steward.Stats.Tests", "Reference");
        }

        throw new DirectoryNotFoundException("Steward.slnx not found above " + AppContext.BaseDirectory);
    }
}
