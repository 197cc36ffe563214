namespace Steward.Stats.Tests.Evaluation;

/// <summary>Assertions to the 1e-9 that exact definitions must meet against scikit-learn.</summary>
internal static class Tolerance
{
    public const double Exact = 1e-9;

    public static void Equal(double expected, double? actual, string what)
    {
        Assert.True(actual is not null, $"{what}: expected {expected:R}, got null");
        Assert.True(Math.Abs(expected - actual!.Value) <= Exact, $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
            Equal(expected[i], actual[i], $"{what}[{i}]");
    }
}
