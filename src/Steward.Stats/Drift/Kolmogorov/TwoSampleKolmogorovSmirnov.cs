namespace Steward.Stats.Drift.Kolmogorov;

/// <summary>
/// The two-sided p-value of the two-sample Kolmogorov–Smirnov statistic as SciPy 1.10's
/// <c>scipy.stats.ks_2samp(a, b)</c> computes it with its default <c>method='auto'</c>: exact when
/// both samples have at most 10,000 values (Hodges' lattice-path count; for unequal sizes the
/// "inside" recursion that yields 1 − p directly, Viehmann 2021), otherwise — or if the exact
/// computation fails numerically — the one-sample distribution <c>kstwo</c> at n = round(mn/(m+n)).
/// Ported rather than taken from a library: MathNet has no two-sample KS test, and p-values must match SciPy's.
/// </summary>
public static class TwoSampleKolmogorovSmirnov
{
    /// <summary>Largest sample size for which 'auto' computes the exact p-value.</summary>
    public const int MaxExactSize = 10_000;

    /// <summary>
    /// The two-sided p-value for statistic <paramref name="d"/> between samples of sizes n1 and n2.
    /// In the exact regime the statistic is snapped to the lattice (h / lcm(n1, n2)) as SciPy does,
    /// and that value is returned in <paramref name="statistic"/>.
    /// </summary>
    public static double PValue(long n1, long n2, double d, out double statistic, out bool exact)
    {
        if (n1 <= 0 || n2 <= 0)
            throw new ArgumentException("both samples need at least one value");
        statistic = d;
        exact = Math.Max(n1, n2) <= MaxExactSize;
        if (exact)
        {
            var g = Gcd(n1, n2);
            var lcm = n1 / g * n2;
            var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
            statistic = h * 1.0 / lcm;
            if (h == 0)
                return 1.0;
            var prob = n1 == n2 ? ProbabilityOutsideSquare(n1, h) : OuterProbabilityInside(n1, n2, g, h);
            if (prob is >= 0 and <= 1)
                return prob;
            exact = false; // SciPy warns and falls back to the asymptotic p-value
        }

        double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        var en = m * n / (m + n);
        var effective = Math.Round(en, MidpointRounding.ToEven);
        return Math.Clamp(KolmogorovDistribution.Sf(checked((int)effective), statistic), 0, 1);
    }

    /// <summary>Pr(D_{n,n} ≥ h/n) = 2·Σ (−1)^(k−1) C(2n, n−kh) / C(2n, n), evaluated Horner-style to avoid cancellation.</summary>
    internal static double ProbabilityOutsideSquare(long n, long h)
    {
        var p = 0.0;
        var k = (long)Math.Floor((double)n / h);
        while (k >= 0)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /// <summary>
    /// 1 − (share of lattice paths from (0,0) to (m,n) staying strictly inside |x/m − y/n| &lt; h/lcm),
    /// computed column by column over a sliding window, each entry already divided by its binomial.
    /// </summary>
    internal static double OuterProbabilityInside(long m, long n, long g, long h)
    {
        if (m < n)
            (m, n) = (n, m);
        var mg = m / g;
        var ng = n / g;
        long minj = 0, maxj = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        var curlen = maxj - minj;
        var lenA = Math.Min(2 * maxj + 2, n + 1);
        var a = new double[lenA];
        Array.Fill(a, 1.0);
        Array.Clear(a, (int)minj, (int)(maxj - minj));
        for (long i = 1; i <= m; i++)
        {
            var lastminj = minj;
            var lastlen = curlen;
            minj = Math.Min(Math.Max((long)Math.Floor((double)(ng * i - h) / mg) + 1, 0), n);
            maxj = Math.Min((long)Math.Ceiling((double)(ng * i + h) / mg), n + 1);
            if (maxj <= minj)
                return 1.0;
            var val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++)
            {
                var j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen)
                Array.Fill(a, 1.0, (int)(maxj - minj), (int)Math.Min(lastlen - curlen, lenA - (maxj - minj)));
        }
        return a[maxj - minj - 1];
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
            (a, b) = (b, a % b);
        return a;
    }
}
