namespace Steward.Stats.Drift.Kolmogorov;

/// <summary>
/// The two-sided one-sample Kolmogorov–Smirnov distribution Dₙ for finite n: the survival function
/// Pr(Dₙ ≥ x) as SciPy's <c>scipy.stats.kstwo.sf</c> computes it (<c>scipy/stats/_ksstats.py</c>),
/// choosing among exact and asymptotic methods by n and n·x² as Simard and L'Ecuyer (2011) advise:
/// Ruben–Gambino closed forms at the ends, 2·Smirnov where the one-sided tails cannot overlap,
/// the Durbin matrix (Marsaglia–Tsang–Wang), the Pomeranz recursion, and the Pelz–Good series.
/// Ported rather than taken from a library: MathNet has no finite-n Kolmogorov distribution, and p-values must match SciPy's.
/// </summary>
internal static partial class KolmogorovDistribution
{
    private const double Pi = Math.PI;
    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);
    private const double MinLog = -708;

    // Rescale intermediate results by 2^±128 to stay clear of overflow and underflow.
    private const int ScaleExponent = 128;
    private static readonly double Scale = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double InverseScale = Math.ScaleB(1.0, -ScaleExponent);

    /// <summary>Pr(Dₙ ≥ x) for n ≥ 1.</summary>
    public static double Sf(int n, double x)
    {
        if (n <= 0 || double.IsNaN(x))
            return double.NaN;
        if (x >= 1.0)
            return 0.0;
        if (x <= 0.0)
            return 1.0;
        var t = n * x;
        if (t <= 1.0)
        {
            // Ruben–Gambino: 1/2n ≤ x ≤ 1/n.
            if (t <= 0.5)
                return 1.0;
            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                var inverseN = 1.0 / n;
                for (var i = 1; i <= n; i++)
                    prob *= i * inverseN * (2 * t - 1);
            }
            else
            {
                prob = Math.Exp(LogFactorialOverPower(n) + n * Math.Log(2 * t - 1));
            }
            return Clip(1.0 - prob);
        }
        if (t >= n - 1)
            return Clip(2 * Math.Pow(1.0 - x, n)); // Ruben–Gambino
        if (x >= 0.5)
            return Clip(2 * Smirnov.Sf(n, x)); // one-sided tails cannot both be exceeded

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
                return Clip(1.0 - Clip(DurbinCdf(n, x)));
            if (nxSquared <= 4)
                return Clip(1.0 - Clip(PomeranzCdf(n, x)));
            return Clip(2 * Smirnov.Sf(n, x));
        }
        if (nxSquared >= 370.0)
            return 0.0;
        if (nxSquared >= 2.2)
            return Clip(2 * Smirnov.Sf(n, x));
        var cdf = n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4 ? DurbinCdf(n, x) : PelzGoodCdf(n, x);
        return Clip(1.0 - cdf);
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);

    // Stirling coefficients B_{2j}/(2j)/(2j-1) for j = 8..1 (highest degree first, for Horner).
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>log(n!/nⁿ) by Stirling's series with n·log(n) removed up front (no cancellation).</summary>
    private static double LogFactorialOverPower(int n)
    {
        var rn = 1.0 / n;
        var x = rn / n;
        var poly = 0.0;
        foreach (var c in StirlingCoefficients)
            poly = poly * x + c;
        return Math.Log(n) / 2 - n + Log2Pi / 2 + rn * poly;
    }

    /// <summary>
    /// Pelz–Good approximation of Pr(Dₙ ≤ x): the Li-Chien/Korolyuk expansion in 1/√n with each term
    /// rewritten through Jacobi theta identities so that it converges for small z = x√n.
    /// </summary>
    private static double PelzGoodCdf(int n, double x)
    {
        if (x <= 0.0)
            return 0.0;
        if (x >= 1.0)
            return 1.0;
        var z = Math.Sqrt(n) * x;
        double z2 = z * z, z3 = Math.Pow(z, 3), z4 = Math.Pow(z, 4), z6 = Math.Pow(z, 6);
        var qlog = -Pi * Pi / 8 / z2;
        if (qlog < MinLog)
            return 0.0;
        var q = Math.Exp(qlog);
        double pi2 = Pi * Pi, pi4 = Math.Pow(Pi, 4), pi6 = Math.Pow(Pi, 6);

        var k1a = -z2;
        var k1b = pi2 / 4;
        var k2a = 6 * z6 + 2 * z4;
        var k2b = (2 * z4 - 5 * z2) * pi2 / 4;
        var k2c = pi4 * (1 - 2 * z2) / 16;
        var k3d = pi6 * (5 - 30 * z2) / 64;
        var k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
        var k3b = pi2 * (135 * z4 - 96 * z6) / 4;
        var k3a = -30 * z6 - 90 * Math.Pow(z, 8);

        // Horner over odd m = 2k-1 of c_m q^(m^2).
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var maxk = (int)Math.Ceiling(16 * z / Pi);
        for (var k = maxk; k > 0; k--)
        {
            double m = 2 * k - 1, m2 = m * m, m4 = m2 * m2, m6 = m4 * m2; // exact: integers below 2^53
            var qpower = Math.Pow(q, 8 * k);
            s0 = s0 * qpower + 1.0;
            s1 = s1 * qpower + (k1a + k1b * m2);
            s2 = s2 * qpower + (k2a + k2b * m2 + k2c * m4);
            s3 = s3 * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }
        s0 = s0 * q * Sqrt2Pi;
        s1 = s1 * q * Sqrt2Pi;
        s2 = s2 * q * Sqrt2Pi;
        s3 = s3 * q * Sqrt2Pi;
        s0 /= z;
        s1 /= 6 * z4;
        s2 /= 72 * Math.Pow(z, 7);
        s3 /= 6480 * Math.Pow(z, 10);

        // The sums over all integers k in K2 and K3.
        var qq = Math.Exp(-pi2 / 2 / z2);
        var sqrt3z = Math.Sqrt(3) * z;
        double k2extra = 0, k3extra = 0;
        for (var k = maxk; k > 0; k--)
        {
            double ksq = (double)k * k, kspi = Pi * k;
            var qpow = Math.Pow(qq, ksq);
            k2extra += ksq * qpow;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qpow;
        }
        s2 += k2extra * (pi2 * Sqrt2Pi / (-36 * z3));
        s3 += k3extra * (pi2 * Sqrt2Pi / (216 * z6));

        var sqrtN = Math.Pow(n, 0.5);
        return s0 + s1 / sqrtN + s2 / n + s3 / Math.Pow(n, 1.5);
    }
}
