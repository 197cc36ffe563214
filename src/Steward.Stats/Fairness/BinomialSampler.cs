using MathNet.Numerics;

namespace Steward.Stats.Fairness;

/// <summary>
/// Exact binomial variates in constant expected time, for resampling counts of millions of rows:
/// inversion when n·p is small, otherwise Hörmann's BTRS transformed rejection with squeeze
/// (W. Hörmann, "The generation of binomial random variates", J. Statist. Comput. Simul. 46, 1993).
/// Hand-written because MathNet's Binomial.Sample draws n Bernoulli trials (O(n), int n), too slow for millions of rows.
/// </summary>
internal static class BinomialSampler
{
    // δ(k) = ln k! − [(k + ½) ln(k + 1) − (k + 1) + ½ ln 2π], the error of Stirling's formula.
    // Exact through ln Γ for small k, where the series below is not yet accurate.
    private static readonly double[] StirlingTail = Enumerable.Range(0, 10)
        .Select(k => SpecialFunctions.GammaLn(k + 1) - ((k + 0.5) * Math.Log(k + 1) - (k + 1) + 0.5 * Math.Log(2 * Math.PI)))
        .ToArray();

    /// <summary>A draw from Binomial(<paramref name="n"/>, <paramref name="p"/>).</summary>
    public static long Sample(ref Xoshiro256 random, long n, double p)
    {
        if (n <= 0 || p <= 0)
            return 0;
        if (p >= 1)
            return n;
        if (p > 0.5)
            return n - Sample(ref random, n, 1 - p);
        return n * p < 10 ? Inversion(ref random, n, p) : Btrs(ref random, n, p);
    }

    /// <summary>Walks the cumulative distribution from 0; expected n·p + 1 steps.</summary>
    private static long Inversion(ref Xoshiro256 random, long n, double p)
    {
        var q = 1 - p;
        var s = p / q;
        var a = (n + 1) * s;
        var start = Math.Exp(n * Math.Log(q)); // P(X = 0)
        while (true)
        {
            var u = random.NextDouble();
            var probability = start;
            long x = 0;
            while (u > probability)
            {
                u -= probability;
                x++;
                if (x > n)
                    break; // rounding left u above the total mass: draw again
                probability *= a / x - s;
            }
            if (x <= n)
                return x;
        }
    }

    private static long Btrs(ref Xoshiro256 random, long n, double p)
    {
        var q = 1 - p;
        var spq = Math.Sqrt(n * p * q);
        var b = 1.15 + 2.53 * spq;
        var a = -0.0873 + 0.0248 * b + 0.01 * p;
        var c = n * p + 0.5;
        var vr = 0.92 - 4.2 / b;
        var alpha = (2.83 + 5.1 / b) * spq;
        var lpq = Math.Log(p / q);
        var m = Math.Floor((n + 1) * p);
        var h = LogFactorial(m) + LogFactorial(n - m);

        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n)
                continue;
            if (us >= 0.07 && v <= vr)
                return (long)k;
            v = Math.Log(v * alpha / (a / (us * us) + b));
            if (v <= h - LogFactorial(k) - LogFactorial(n - k) + (k - m) * lpq)
                return (long)k;
        }
    }

    /// <summary>ln k! from Stirling's formula with its tail δ(k).</summary>
    private static double LogFactorial(double k)
    {
        double tail;
        if (k < StirlingTail.Length)
        {
            tail = StirlingTail[(int)k];
        }
        else
        {
            var kp1sq = (k + 1) * (k + 1);
            tail = (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1);
        }
        return (k + 0.5) * Math.Log(k + 1) - (k + 1) + 0.5 * Math.Log(2 * Math.PI) + tail;
    }
}
