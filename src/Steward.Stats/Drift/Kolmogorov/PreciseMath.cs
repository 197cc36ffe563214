namespace Steward.Stats.Drift.Kolmogorov;

/// <summary>
/// exp(x) − 1 and log(1 + x) accurate near zero. .NET's <c>double.ExpM1</c>/<c>double.LogP1</c>
/// compute <c>Exp(x) - 1</c> and <c>Log(1 + x)</c> and lose every digit there.
/// Kept with the SciPy port: its p-values are checked to about 1e-15 against SciPy, and these are the functions they were checked with.
/// </summary>
internal static class PreciseMath
{
    /// <summary>exp(x) − 1 (Kahan's correction: exact rounding error of exp cancels against log).</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) >= 0.5 || !double.IsFinite(x))
            return Math.Exp(x) - 1;
        var u = Math.Exp(x);
        if (u == 1.0)
            return x;
        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }

    /// <summary>log(1 + x) (Goldberg's correction for the rounding of 1 + x).</summary>
    public static double LogP1(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
