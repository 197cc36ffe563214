namespace Steward.Stats.Tests.Drift;

/// <summary>Assertions for floating-point agreement with reference values.</summary>
internal static class Close
{
    /// <summary>|actual − expected| ≤ relative·|expected| (exact equality for 0 and infinities).</summary>
    public static void Relative(double expected, double? actual, double relative, string what)
    {
        Assert.True(actual.HasValue, $"{what}: expected {expected:R}, got null");
        var a = actual!.Value;
        if (expected == 0 || double.IsInfinity(expected))
        {
            Assert.True(a == expected, $"{what}: expected {expected:R}, got {a:R}");
            return;
        }
        var error = Math.Abs(a - expected) / Math.Abs(expected);
        Assert.True(error <= relative, $"{what}: expected {expected:R}, got {a:R} (relative error {error:E2} > {relative:E0})");
    }
}
