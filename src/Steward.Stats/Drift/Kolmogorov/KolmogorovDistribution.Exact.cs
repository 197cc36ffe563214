namespace Steward.Stats.Drift.Kolmogorov;

/// <summary>The two exact methods for Pr(Dₙ ≤ x): Durbin's matrix and Pomeranz's recursion.</summary>
internal static partial class KolmogorovDistribution
{
    /// <summary>
    /// Durbin (1968) as Marsaglia, Tsang and Wang (2003) compute it: write n·x = k − h; the answer is
    /// the (k,k) entry of (n!/nⁿ)·Hⁿ for a (2k−1)² matrix H, raised by repeated squaring with rescaling.
    /// </summary>
    private static double DurbinCdf(int n, double d)
    {
        if (d >= 1.0)
            return 1.0;
        var nd = n * d;
        if (nd <= 0.5)
            return 0.0;
        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = 2 * k - 1;

        // v: first column (and reversed last row) of H; w[j] = 1/j!.
        var v = new double[m];
        var w = new double[m];
        var fac = 1.0;
        for (var j = 1; j <= m; j++)
        {
            v[j - 1] = 1.0 - Math.Pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        var tt = Math.Pow(Math.Max(2 * h - 1.0, 0), m) - 2 * Math.Pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;

        // H, row-major: H[r, c] at r·m + c.
        var matrix = new double[m * m];
        for (var i = 1; i < m; i++)
            for (var row = i - 1; row < m; row++)
                matrix[row * m + i] = w[row - (i - 1)];
        for (var row = 0; row < m; row++)
            matrix[row * m] = v[row];
        for (var col = 0; col < m; col++)
            matrix[(m - 1) * m + col] = v[m - 1 - col];

        var power = Identity(m);
        var product = new double[m * m];
        var remaining = n;
        var exponent = 0; // scaling of power
        var matrixExponent = 0; // scaling of matrix
        while (remaining > 0)
        {
            if (remaining % 2 == 1)
            {
                Multiply(power, matrix, product, m);
                (power, product) = (product, power);
                exponent += matrixExponent;
            }
            Multiply(matrix, matrix, product, m);
            (matrix, product) = (product, matrix);
            matrixExponent *= 2;
            if (Math.Abs(matrix[(k - 1) * m + k - 1]) > Scale)
            {
                for (var i = 0; i < matrix.Length; i++)
                    matrix[i] /= Scale;
                matrixExponent += ScaleExponent;
            }
            remaining /= 2;
        }

        var p = power[(k - 1) * m + k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n; // times n!/n^n
            if (Math.Abs(p) < InverseScale)
            {
                p *= Scale;
                exponent -= ScaleExponent;
            }
        }
        return exponent != 0 ? Math.ScaleB(p, exponent) : p;
    }

    private static double[] Identity(int m)
    {
        var identity = new double[m * m];
        for (var i = 0; i < m; i++)
            identity[i * m + i] = 1.0;
        return identity;
    }

    /// <summary>product = a·b for row-major m×m matrices (i-l-j order: the inner loop runs along rows).</summary>
    private static void Multiply(double[] a, double[] b, double[] product, int m)
    {
        Array.Clear(product);
        for (var i = 0; i < m; i++)
        {
            var row = product.AsSpan(i * m, m);
            for (var l = 0; l < m; l++)
            {
                var ail = a[i * m + l];
                if (ail == 0.0)
                    continue;
                var bRow = b.AsSpan(l * m, m);
                for (var j = 0; j < m; j++)
                    row[j] += ail * bRow[j];
            }
        }
    }

    /// <summary>
    /// Pomeranz (1974): 2n+1 rows, each the convolution of the previous row with one of three
    /// (unnormalised) Poisson sequences; only a short window of each row is non-zero.
    /// </summary>
    private static double PomeranzCdf(int n, double x)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = t - ll;
        var g = Math.Min(f, 1.0 - f);
        var ceilf = f > 0 ? 1 : 0;
        var roundf = f > 0.5 ? 1 : 0;
        var npwrs = 2 * (ll + 1);
        var gpower = new double[npwrs]; // (g/n)^m / m!
        var twoGPower = new double[npwrs]; // (2g/n)^m / m!
        var oneMinusTwoGPower = new double[npwrs]; // ((1-2g)/n)^m / m!
        gpower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1.0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (var m = 1; m < npwrs; m++)
        {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
        }

        var v0 = new double[npwrs];
        var v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0, v1s = 0; // absolute index of each row's first stored entry
        var exponent = 0;
        var (j1, j2) = PomeranzWindow(0, n, ll, ceilf, roundf);
        for (var i = 1; i < 2 * n + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0s, v1s) = (v1s, v0s);
            Array.Clear(v1);
            (j1, j2) = PomeranzWindow(i, n, ll, ceilf, roundf);
            var pwrs = i == 1 || i == 2 * n + 1 ? gpower : i % 2 == 1 ? twoGPower : oneMinusTwoGPower;
            var ln2 = j2 - k1 + 1;
            if (ln2 <= 0)
                continue;
            // Entries [j1-k1, j2-k1] of the full convolution of v0[k1-v0s ..][..ln2] with pwrs[..ln2]
            // (both cut at the end of their arrays, as slices are).
            var offset = k1 - v0s;
            var aLength = Math.Min(ln2, npwrs - offset);
            var bLength = Math.Min(ln2, npwrs);
            var convStart = j1 - k1;
            var convLength = j2 - j1 + 1;
            var max = 0.0;
            for (var c = 0; c < convLength; c++)
            {
                var position = convStart + c;
                var sum = 0.0;
                var lo = Math.Max(0, position - (bLength - 1));
                var hi = Math.Min(position, aLength - 1);
                for (var a = lo; a <= hi; a++)
                    sum += v0[offset + a] * pwrs[position - a];
                v1[c] = sum;
                max = Math.Max(max, sum);
            }
            if (max > 0 && max < InverseScale)
            {
                for (var c = 0; c < convLength; c++)
                    v1[c] *= Scale;
                exponent -= ScaleExponent;
            }
            v1s = v0s + j1 - k1;
        }

        var answer = v1[n - v1s];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > Scale)
            {
                answer *= InverseScale;
                exponent += ScaleExponent;
            }
            answer *= m; // times n!
        }
        return exponent != 0 ? Math.ScaleB(answer, exponent) : answer;
    }

    /// <summary>The first and last non-zero positions of row i of the Pomeranz recursion.</summary>
    private static (int J1, int J2) PomeranzWindow(int i, int n, int ll, int ceilf, int roundf)
    {
        int j1, j2;
        if (i == 0)
        {
            (j1, j2) = (-ll - ceilf - 1, ll + ceilf - 1);
        }
        else
        {
            var half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                (j1, j2) = half == n + 1
                    ? (n - ll - ceilf - 1, n + ll + ceilf - 1)
                    : (half - 1 - ll - roundf - 1, half + ll - 1 + ceilf - 1);
            }
            else
            {
                (j1, j2) = (half - 1 - ll - 1, half + ll + roundf - 1);
            }
        }
        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }
}
