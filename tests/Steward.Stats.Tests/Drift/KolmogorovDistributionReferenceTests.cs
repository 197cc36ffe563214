using Steward.Stats.Drift.Kolmogorov;

namespace Steward.Stats.Tests.Drift;

/// <summary>
/// The Kolmogorov distributions behind the asymptotic KS p-value agree with SciPy 1.10 in every
/// branch SciPy takes. Expected values: Reference/drift_reference.py ("KolmogorovCases" =
/// scipy.stats.kstwo.sf(d, n), "SmirnovCases" = scipy.special.smirnov(n, d)).
/// Tolerance 1e-12 relative (observed: at most 5e-14). The residue is rounding order: SciPy
/// multiplies the Durbin matrix with BLAS and sums the Smirnov series in double-double.
/// </summary>
public sealed class KolmogorovDistributionReferenceTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(30, 0.01, 1)] // n·d ≤ 0.5
    [InlineData(5, 0.14999999999999999, 0.99880000000000002)] // Ruben–Gambino, product
    [InlineData(200, 0.0040000000000000001, 1)] // Ruben–Gambino, Stirling
    [InlineData(5, 0.90000000000000002, 1.9999999999999978e-05)] // n·d ≥ n − 1
    [InlineData(60, 0.59999999999999998, 3.4784502761404549e-21)] // d ≥ 0.5: 2·Smirnov
    [InlineData(5, 0.29999999999999999, 0.66400000000000003)] // Durbin
    [InlineData(10, 0.12, 0.99485668397626159)]
    [InlineData(40, 0.10000000000000001, 0.78181097071829031)]
    [InlineData(100, 0.050000000000000003, 0.95321597106357248)]
    [InlineData(40, 0.20000000000000001, 0.070481876168841939)] // Pomeranz
    [InlineData(100, 0.14999999999999999, 0.019839242125643017)]
    [InlineData(40, 0.34999999999999998, 6.9380844306141213e-05)] // n ≤ 140: 2·Smirnov
    [InlineData(140, 0.20000000000000001, 2.1981563302200222e-05)]
    [InlineData(5000, 0.0030000000000000001, 0.99999999997401257)] // n > 140: Durbin
    [InlineData(100000, 0.00050000000000000001, 1)]
    [InlineData(141, 0.050000000000000003, 0.85484569300966284)] // Pelz–Good
    [InlineData(500, 0.029999999999999999, 0.74731667004570212)]
    [InlineData(2000, 0.02, 0.39531336268920447)]
    [InlineData(5000, 0.01, 0.69545572539138534)]
    [InlineData(100000, 0.0030000000000000001, 0.32845633277269559)]
    [InlineData(100001, 0.0030000000000000001, 0.32845050055711633)]
    [InlineData(500000, 0.0015, 0.21034190155828947)]
    [InlineData(500, 0.080000000000000002, 0.0031305058199356268)] // n·d² ≥ 2.2: 2·Smirnov
    [InlineData(5000, 0.029999999999999999, 0.00024159234422666817)]
    [InlineData(500000, 0.0040000000000000001, 2.2445978493851467e-07)]
    [InlineData(1500000, 0.002, 1.2272050604051577e-05)]
    [InlineData(500000, 0.029999999999999999, 0)] // n·d² ≥ 370
    public void Two_sided_survival_function_agrees_with_scipy_kstwo(int n, double d, double expected) =>
        Close.Relative(expected, KolmogorovDistribution.Sf(n, d), Tolerance, $"kstwo.sf({d}, {n})");

    [Theory]
    [InlineData(1, 0.29999999999999999, 0.69999999999999996)] // n = 1
    [InlineData(5, 0.10000000000000001, 0.85358999999999996)] // x ≤ 1/n
    [InlineData(8, 0.125, 0.71491283178329468)] // x = 1/n exactly
    [InlineData(10, 0.050000000000000003, 0.92243358920107421)]
    [InlineData(10, 0.94999999999999996, 9.7656250000000862e-14)] // x ≥ 1 − 1/n
    [InlineData(1000, 0.69999999999999996, 0)] // underflow
    [InlineData(100, 0.025000000000000001, 0.86816749828849282)] // upper sum
    [InlineData(5, 0.5, 0.056000000000000001)] // lower sum
    [InlineData(20, 0.25, 0.068826781364603587)] // n·x an integer
    [InlineData(50, 0.20000000000000001, 0.015719427449405611)]
    [InlineData(1000, 0.050000000000000003, 0.0065060373905451658)]
    [InlineData(100000, 0.0050000000000000001, 0.0067154124888998039)]
    [InlineData(1000000, 0.001, 0.13524508976491409)]
    [InlineData(2000000, 0.001, 0.018303432023617325)] // n > 10⁶: approximation
    public void One_sided_survival_function_agrees_with_scipy_smirnov(int n, double d, double expected) =>
        Close.Relative(expected, Smirnov.Sf(n, d), Tolerance, $"smirnov({n}, {d})");
}
