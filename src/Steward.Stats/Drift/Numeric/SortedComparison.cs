using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Steward.Stats.Drift.Numeric;

/// <summary>
/// One merge pass over two sorted samples that walks both empirical CDFs together and yields the
/// two-sided KS statistic and the first Wasserstein distance.
/// </summary>
internal static class SortedComparison
{
    /// <summary>
    /// KS D = sup |F_a − F_b|, with F evaluated as SciPy does (count/n as doubles; numpy's
    /// <c>searchsorted(side='right')</c>), and W₁ = ∫|F_a − F_b| as <c>scipy.stats.wasserstein_distance</c>.
    /// Each span holds a sorted, finite, non-empty sample followed by one +∞ that ends it.
    /// </summary>
    public static (double KolmogorovSmirnov, double Wasserstein) Compare(ReadOnlySpan<double> aTerminated, ReadOnlySpan<double> bTerminated)
    {
        long n1 = aTerminated.Length - 1, n2 = bTerminated.Length - 1;
        if (n1 <= 0 || n2 <= 0)
            throw new ArgumentException("both samples need at least one value");
        if (aTerminated[^1] != double.PositiveInfinity || bTerminated[^1] != double.PositiveInfinity)
            throw new ArgumentException("each sample must end with +∞");
        ref var a = ref MemoryMarshal.GetReference(aTerminated);
        ref var b = ref MemoryMarshal.GetReference(bTerminated);

        // e = i·n2 − j·n1 = n1·n2·(F_a − F_b) exactly. The extremes are found on e and only they are
        // divided out, giving the same doubles as SciPy's i/n1 − j/n2 at a fraction of the cost.
        long e = 0, maxE = long.MinValue, minE = long.MaxValue;
        double maxF = double.NegativeInfinity, minF = double.PositiveInfinity;
        double sum = 0, compensation = 0;
        nint i = 0, j = 0;
        double x = a, y = b;
        var v = x < y ? x : y; // plain minimum: no NaN here, and Math.Min's NaN and −0 rules cost time
        while (v != double.PositiveInfinity)
        {
            // Count every copy of v in both samples; the +∞ at each end stops the walk.
            if (x == v)
            {
                do
                {
                    i++;
                    e += n2;
                    x = Unsafe.Add(ref a, i);
                }
                while (x == v);
            }
            if (y == v)
            {
                do
                {
                    j++;
                    e -= n1;
                    y = Unsafe.Add(ref b, j);
                }
                while (y == v);
            }

            if (e >= maxE)
            {
                var f = Difference(i, j, n1, n2);
                maxF = e > maxE ? f : Math.Max(maxF, f); // equal e may round differently: keep the larger, as argmax would
                maxE = e;
            }
            if (e <= minE)
            {
                var f = Difference(i, j, n1, n2);
                minF = e < minE ? f : Math.Min(minF, f);
                minE = e;
            }
            var next = x < y ? x : y;
            if (next != double.PositiveInfinity)
            {
                // Neumaier summation keeps the sum of up to 2n terms at full precision.
                var term = Math.Abs((double)e) * (next - v);
                var t = sum + term;
                compensation += Math.Abs(sum) >= term ? (sum - t) + term : (term - t) + sum;
                sum = t;
            }
            v = next;
        }

        var minS = Math.Clamp(-minF, 0, 1);
        var d = minS > maxF ? minS : maxF;
        return (d, (sum + compensation) / ((double)n1 * n2));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Difference(nint i, nint j, long n1, long n2) => (double)i / n1 - (double)j / n2;
}
