using Steward.Stats.Sorting;

namespace Steward.Stats.Tests.Sorting;

public sealed class RadixSortTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sorts_like_Array_Sort_and_leaves_out_values_that_are_not_finite(int seed)
    {
        var random = new Random(seed);
        var values = new double[50_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % 10) switch
            {
                0 => double.NaN,
                1 => random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
                2 => random.Next(2) == 0 ? 0.0 : -0.0,
                3 => double.Epsilon * random.Next(-5, 5), // subnormals
                4 => (random.NextDouble() - 0.5) * 1e300,
                5 => Math.Round(random.NextDouble() * 10), // ties
                _ => random.NextDouble() * 2 - 1,
            };
        }
        var expected = values.Where(double.IsFinite).Order().ToArray();

        var buffer = new double[values.Length];
        var count = RadixSort.SortFinite(values, buffer, new double[values.Length]);

        Assert.Equal(expected.Length, count);
        Assert.Equal(expected, buffer[..count]);
        Assert.DoesNotContain(buffer[..count], v => double.IsNegative(v) && v == 0); // −0 stored as +0
    }

    [Fact]
    public void Values_closer_than_the_radix_passes_see_are_still_ordered()
    {
        // Timestamps and other large, tightly clustered values share their top bits.
        var random = new Random(4);
        var values = Enumerable.Range(0, 20_000).Select(_ => 1.7e9 + random.Next(0, 5000) + random.NextDouble()).ToArray();
        var buffer = new double[values.Length];
        var count = RadixSort.SortFinite(values, buffer, new double[values.Length]);
        Assert.Equal(values.Order().ToArray(), buffer[..count]);
    }

    [Fact]
    public void A_sample_of_one_repeated_value_needs_no_pass()
    {
        var buffer = new double[4];
        var count = RadixSort.SortFinite([2.5, double.NaN, 2.5, 2.5], buffer, new double[4]);
        Assert.Equal(3, count);
        Assert.Equal([2.5, 2.5, 2.5], buffer[..3]);
    }

    [Fact]
    public void Keys_sort_like_Array_Sort()
    {
        var random = new Random(7);
        var keys = new ulong[100_000];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
        var expected = keys.ToArray();
        Array.Sort(expected);

        RadixSort.Sort(keys, new ulong[keys.Length]);

        Assert.Equal(expected, keys);
    }

    [Fact]
    public void Keys_keep_the_order_of_doubles()
    {
        double[] ordered = [double.MinValue, -1e300, -1, -double.Epsilon, 0, double.Epsilon, 1e-300, 0.5, 1, 1e300, double.MaxValue];
        var keys = ordered.Select(RadixSort.ToKey).ToArray();
        Assert.Equal(keys.Order(), keys);
        Assert.Equal(ordered, keys.Select(RadixSort.ToDouble));
        Assert.Equal(RadixSort.ToKey(0.0), RadixSort.ToKey(-0.0));
    }
}
