using MathNet.Numerics.Distributions;
using Steward.Stats.Fairness;

namespace Steward.Stats.Tests.Fairness;

/// <summary>The binomial sampler behind the bootstrap draws from the exact distribution.</summary>
public sealed class BinomialSamplerTests
{
    [Theory]
    [InlineData(30, 0.2)]     // inversion
    [InlineData(40, 0.9)]     // inversion of the complement
    [InlineData(200, 0.45)]   // BTRS
    [InlineData(1000, 0.03)]  // BTRS, skewed
    public void Draws_fit_the_binomial_distribution(int n, double p)
    {
        const int Draws = 200_000;
        var random = new Xoshiro256(42, n);
        var histogram = new long[n + 1];
        for (var i = 0; i < Draws; i++)
            histogram[BinomialSampler.Sample(ref random, n, p)]++;

        // Pearson chi-square over bins with at least 5 expected draws (tails pooled into their neighbours).
        double chi = 0, observedTail = 0, expectedTail = 0;
        var bins = 0;
        for (var k = 0; k <= n; k++)
        {
            observedTail += histogram[k];
            expectedTail += Draws * Binomial.PMF(p, n, k);
            if (expectedTail >= 5 && (k == n || Draws * (1 - Binomial.CDF(p, n, k)) >= 5))
            {
                chi += (observedTail - expectedTail) * (observedTail - expectedTail) / expectedTail;
                observedTail = expectedTail = 0;
                bins++;
            }
        }
        var critical = ChiSquared.InvCDF(bins - 1, 0.999);
        Assert.True(chi < critical, $"chi-square {chi:F1} over {bins} bins exceeds {critical:F1}");
    }

    [Fact]
    public void Large_counts_have_the_binomial_mean_and_variance()
    {
        const long N = 5_000_000;
        const double P = 0.37;
        const int Draws = 100_000;
        var random = new Xoshiro256(1, 2);
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < Draws; i++)
        {
            double x = BinomialSampler.Sample(ref random, N, P);
            sum += x;
            sumSquares += x * x;
        }
        var mean = sum / Draws;
        var variance = (sumSquares - Draws * mean * mean) / (Draws - 1);
        var expectedVariance = N * P * (1 - P);
        Assert.True(Math.Abs(mean - N * P) < 4 * Math.Sqrt(expectedVariance / Draws), $"mean {mean}");
        Assert.InRange(variance / expectedVariance, 0.98, 1.02);
    }

    [Fact]
    public void A_multinomial_draw_keeps_the_total_and_the_cell_proportions()
    {
        long[] weights = [500, 0, 1500, 3000, 5000];
        var random = new Xoshiro256(3, 0);
        var sums = new double[weights.Length];
        var drawn = new long[weights.Length];
        const int Draws = 20_000;
        for (var i = 0; i < Draws; i++)
        {
            FairnessBootstrap.Multinomial(ref random, 10_000, weights, drawn);
            Assert.Equal(10_000, drawn.Sum());
            for (var k = 0; k < weights.Length; k++)
                sums[k] += drawn[k];
        }
        Assert.Equal(0, sums[1]);
        for (var k = 0; k < weights.Length; k++)
            Assert.Equal(weights[k], sums[k] / Draws, 2.0);
    }
}
