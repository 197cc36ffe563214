using System.Globalization;

namespace Steward.Stats.Tests.Drift;

/// <summary>
/// The samples Reference/drift_reference.py computes its expected values from: small CSV files
/// beside the script, and large samples both sides generate with SplitMix64.
/// </summary>
internal static class ReferenceSamples
{
    private static readonly string Folder = Path.Combine(FindRepository(), "tests", "Steward.Stats.Tests", "Reference", "drift");

    public static double[] Numbers(string name) =>
        Lines(name).Select(line => double.Parse(line, CultureInfo.InvariantCulture)).ToArray();

    public static string?[] Text(string name) => Lines(name).ToArray<string?>();

    /// <summary>
    /// n values loc + scale·(Σ of 12 uniforms − 6), each uniform (z &gt;&gt; 11)·2⁻⁵³ of SplitMix64 —
    /// the same IEEE operations in the same order as the script's <c>generated</c>, so the same doubles.
    /// </summary>
    public static double[] Generated(ulong seed, int n, double loc, double scale)
    {
        var state = seed;
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            for (var k = 0; k < 12; k++)
                s += (Next(ref state) >> 11) * Math.ScaleB(1.0, -53);
            values[i] = loc + scale * (s - 6.0);
        }
        return values;
    }

    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static IEnumerable<string> Lines(string name) => File.ReadLines(Path.Combine(Folder, name + ".csv")).Skip(1);

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Steward.slnx not found above " + AppContext.BaseDirectory);
    }
}
