namespace Steward.Stats.Drift.Kolmogorov;

/// <summary>
/// The one-sided Kolmogorov–Smirnov (Smirnov) distribution: Pr(D⁺ₙ ≥ x) for a sample of n, the
/// quantity SciPy's <c>scipy.special.smirnov(n, x)</c> returns, with SciPy's closed forms at the
/// ends and its approximation above n = 10⁶. In between it is the Birnbaum–Tingey sum
/// x·Σ_{v=0}^{⌊n(1−x)⌋} C(n,v)(x+v/n)^(v−1)(1−x−v/n)^(n−v), whose terms are all positive.
/// SciPy carries each term in double-double arithmetic; here each is a binomial probability
/// computed in Loader's (2000) saddle-point form, which keeps full relative precision for n up to
/// 10⁶ at a fraction of the cost. For large n the terms vary smoothly over thousands of v and
/// vanish at both ends, so their sum equals the trapezoid rule over every h-th term to spectral
/// accuracy; that is used, checked against the rule with 2h, and the full sum taken otherwise.
/// Agreement with SciPy: about 1e-15 relative (until results become subnormal).
/// Ported rather than taken from a library: MathNet has no Smirnov distribution.
/// </summary>
internal static class Smirnov
{
    // Above this n SciPy (and so this) switches to an approximation.
    private const int MaxComputeN = 1_000_000;

    // cephes MINLOG = log(2^-1075): exp of anything below it is 0.
    private const double MinLog = -7.451332191019412076235E2;

    private const double Ln2 = 0.693147180559945309417232121458176568;
    private static readonly double Ln2Pi = Math.Log(2 * Math.PI);

    /// <summary>The survival function Pr(D⁺ₙ ≥ x), n ≥ 1, 0 ≤ x ≤ 1; NaN outside.</summary>
    public static double Sf(int n, double x)
    {
        if (!(n > 0 && x >= 0.0 && x <= 1.0))
            return double.NaN;
        if (n == 1)
            return 1 - x;
        if (x == 0.0)
            return 1.0;
        if (x == 1.0)
            return 0.0;

        var (nxFloor, alpha) = FloorOfProduct(n, x);
        // x ≤ 1/n: Pr(D⁺ < x) = x(1 + x)^(n−1).
        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0))
            return Clip(1 - x * Math.Exp((n - 1) * PreciseMath.LogP1(x)));
        if (-2.0 * n * x * x < MinLog)
            return 0.0;
        // x ≥ 1 − 1/n: Pr = (1 − x)^n (1 − x is exact here).
        if (nxFloor >= n - 1)
            return Math.Pow(1 - x, n);
        if (n > MaxComputeN)
        {
            // SciPy: Pr ~ exp(−(6nx + 1)² / 18n).
            var logp = -Math.Pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return logp < -Ln2 ? Math.Exp(logp) : 1 - -PreciseMath.ExpM1(logp);
        }

        var last = n - nxFloor - 1; // the term with 1 − x − v/n = 0 (when n·x is an integer) is 0
        return Clip(x * Sum(n, x, last));
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);

    /// <summary>Σ of the terms v = 0..last: every h-th term times h when that is provably as good, else all of them.</summary>
    private static double Sum(int n, double x, int last)
    {
        var nxSquared = n * x * x;
        var stride = (int)(n / (64 * Math.Sqrt(Math.Max(nxSquared, 1.0))));
        // The terms near v = 0 fall like e^(−n·x); the sampled sum needs them negligible there.
        if (stride >= 4 && n * x >= 100)
        {
            double fine = 0, fineCompensation = 0, coarse = 0, coarseCompensation = 0;
            var k = 0;
            for (var v = 0; v <= last; v += stride, k++)
            {
                var term = Term(n, x, v);
                Add(ref fine, ref fineCompensation, term);
                if (k % 2 == 0)
                    Add(ref coarse, ref coarseCompensation, term);
            }
            var byStride = (fine + fineCompensation) * stride;
            var byDoubleStride = (coarse + coarseCompensation) * 2 * stride;
            if (Math.Abs(byStride - byDoubleStride) <= 1e-14 * byStride)
                return byStride;
        }

        double sum = 0, compensation = 0;
        for (var v = 0; v <= last; v++)
            Add(ref sum, ref compensation, Term(n, x, v));
        return sum + compensation;
    }

    /// <summary>A_v = C(n,v)·p^(v−1)·q^(n−v) with p = x + v/n, q = 1 − p: the binomial probability of v in n at p, divided by p.</summary>
    private static double Term(int n, double x, int v)
    {
        if (v == 0)
            return Math.Exp(n * PreciseMath.LogP1(-x)) / x;
        var nx = n * x;
        var np = v + nx;
        var nq = (n - v) - nx;
        if (nq <= 0)
            return 0.0;
        // Loader: log C(n,v)p^v q^(n−v) = stirlerr(n) − stirlerr(v) − stirlerr(n−v) − bd0(v, np) − bd0(n−v, nq) − ½log(2πv(n−v)/n).
        var lc = StirlingError(n) - StirlingError(v) - StirlingError(n - v) - Deviance(v, np) - Deviance(n - v, nq);
        var lf = Ln2Pi + Math.Log(v) + PreciseMath.LogP1(-(double)v / n);
        return Math.Exp(lc - 0.5 * lf) / (np / n);
    }

    private static readonly double[] SmallStirlingErrors = SmallErrors();

    /// <summary>log(k!) − log(√(2πk)(k/e)^k): a table below 16, Stirling's series above.</summary>
    private static double StirlingError(int k)
    {
        if (k < SmallStirlingErrors.Length)
            return SmallStirlingErrors[k];
        const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
        double n = k, nn = n * n;
        if (k > 500)
            return (s0 - s1 / nn) / n;
        if (k > 80)
            return (s0 - (s1 - s2 / nn) / nn) / n;
        if (k > 35)
            return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
    }

    private static double[] SmallErrors()
    {
        var errors = new double[16];
        var logFactorial = 0.0;
        for (var k = 1; k < errors.Length; k++)
        {
            logFactorial += Math.Log(k);
            errors[k] = logFactorial - (k + 0.5) * Math.Log(k) + k - 0.5 * Ln2Pi;
        }
        return errors;
    }

    /// <summary>Loader's deviance term k·log(k/m) + m − k, by its series where k ≈ m (no cancellation).</summary>
    private static double Deviance(double k, double m)
    {
        if (Math.Abs(k - m) < 0.1 * (k + m))
        {
            var v = (k - m) / (k + m);
            var s = (k - m) * v;
            var ej = 2 * k * v;
            v *= v;
            for (var j = 1; j < 1000; j++)
            {
                ej *= v;
                var next = s + ej / (2 * j + 1);
                if (next == s)
                    return next;
                s = next;
            }
            return s;
        }
        return k * Math.Log(k / m) + m - k;
    }

    /// <summary>⌊n·x⌋ and n·x − ⌊n·x⌋ of the exact product (a remainder that rounds to 1 counts as 0 of the next integer, as SciPy does).</summary>
    private static (int Floor, double Remainder) FloorOfProduct(int n, double x)
    {
        var p = n * x;
        var error = Math.FusedMultiplyAdd(n, x, -p);
        var floor = Math.Floor(p);
        if (floor == p && error < 0)
            floor -= 1;
        var remainder = (p - floor) + error;
        if (remainder >= 1)
            return ((int)floor + 1, 0.0);
        return ((int)floor, remainder);
    }

    private static void Add(ref double sum, ref double compensation, double term)
    {
        var t = sum + term;
        compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
    }
}
