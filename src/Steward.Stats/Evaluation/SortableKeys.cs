namespace Steward.Stats.Evaluation;

/// <summary>
/// Maps finite doubles to unsigned integers that sort in the same order, so scores can be radix
/// sorted as plain integers. Negative zero maps like positive zero: they are one score, as in
/// NumPy's comparisons.
/// </summary>
internal static class SortableKeys
{
    private const ulong SignBit = 0x8000_0000_0000_0000;

    public static ulong FromDouble(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    public static double ToDouble(ulong key)
    {
        var bits = (key & SignBit) != 0 ? key & ~SignBit : ~key;
        return BitConverter.Int64BitsToDouble((long)bits);
    }
}
