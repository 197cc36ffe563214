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
    /// Both samples sorted, finite, non-empty.
    /// </summary>
    public static (double KolmogorovSmirnov, double Wasserstein) Compare(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        long n1 = a.Length, n2 = b.Length;
        if (n1 == 0 || n2 == 0)
            throw new ArgumentException("both samples need at least one value");

        // e = i·n2 − j·n1 = n1·n2·(F_a − F_b) exactly; the extremes are found on e and only they
        // are divided out, giving the same doubles as SciPy's (i/n1 − j/n2) at a fraction of the cost.
        long e = 0, maxE = long.MinValue, minE = long.MaxValue;
        double maxF = double.NegativeInfinity, minF = double.PositiveInfinity;
        double sum = 0, compensation = 0;
        int i = 0, j = 0;
        while (i < n1 || j < n2)
        {
            var x = i < n1 ? a[i] : double.PositiveInfinity;
            var y = j < n2 ? b[j] : double.PositiveInfinity;
            var v = x < y ? x : y;
            while (i < n1 && a[i] == v)
            {
                i++;
                e += n2;
            }
            while (j < n2 && b[j] == v)
            {
                j++;
                e -= n1;
            }

            if (e >= maxE)
            {
                var f = (double)i / n1 - (double)j / n2;
                maxF = e > maxE ? f : Math.Max(maxF, f); // equal e can round differently: keep the larger, as argmax would
                maxE = e;
            }
            if (e <= minE)
            {
                var f = (double)i / n1 - (double)j / n2;
                minF = e < minE ? f : Math.Min(minF, f);
                minE = e;
            }

            var next = Math.Min(i < n1 ? a[i] : double.PositiveInfinity, j < n2 ? b[j] : double.PositiveInfinity);
            if (e != 0 && next != double.PositiveInfinity)
            {
                // Neumaier summation: the sum of up to 2n terms keeps full precision.
                var term = Math.Abs((double)e) * (next - v);
                var t = sum + term;
                compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
                sum = t;
            }
        }

        var maxS = maxF;
        var minS = Math.Clamp(-minF, 0, 1);
        var d = minS > maxS ? minS : maxS;
        return (d, (sum + compensation) / ((double)n1 * n2));
    }
}
