using System.Globalization;
using System.Text;
using Steward.Ledger.Canonicalization;

namespace Steward.Ledger.Tests.Canonicalization;

public sealed class EcmaScriptNumberTests
{
    // RFC 8785 Appendix B, "Number Serialization Samples": IEEE 754 bits and the required
    // text (the same samples as cyberphone/json-canonicalization's verify-numbers tests).
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")] // minus zero
    [InlineData("0000000000000001", "5e-324")] // smallest subnormal
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")] // 2^53
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")] // ~2^68
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")] // round half to even
    [InlineData("4340000000000001", "9007199254740994")]
    [InlineData("4340000000000002", "9007199254740996")]
    public void appendix_b_samples_serialize_as_the_rfc_requires(string bits, string expected)
    {
        Assert.Equal(expected, Format(FromBits(bits)));
    }

    [Theory]
    [InlineData("7fffffffffffffff")] // NaN
    [InlineData("7ff0000000000000")] // +Infinity
    [InlineData("fff0000000000000")] // -Infinity
    public void nan_and_infinities_are_refused(string bits)
    {
        Assert.Throws<ArgumentException>(() => Format(FromBits(bits)));
    }

    [Fact]
    public void every_sample_matches_what_ecmascript_prints()
    {
        // Fixtures/jcs/numbers.txt: ~12,000 values across all exponents and layout boundaries,
        // with the text Node.js's String(value) gives (see the folder's README).
        int checkedCount = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "jcs", "numbers.txt")))
        {
            if (line.Length == 0)
            {
                continue;
            }
            int comma = line.IndexOf(',', StringComparison.Ordinal);
            Assert.Equal(line[(comma + 1)..], Format(FromBits(line[..comma])));
            checkedCount++;
        }
        Assert.True(checkedCount > 10_000);
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123e18, "123000000000000000000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.1, "0.1")]
    [InlineData(-1.25, "-1.25")]
    [InlineData(100, "100")]
    [InlineData(12.5, "12.5")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1.2345678901234567e-5, "0.000012345678901234568")] // as Node.js prints it
    public void layout_switches_between_plain_and_exponent_forms_where_ecmascript_does(double value, string expected)
    {
        Assert.Equal(expected, Format(value));
    }

    private static double FromBits(string hex) =>
        BitConverter.UInt64BitsToDouble(ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[EcmaScriptNumber.MaxLength];
        int length = EcmaScriptNumber.Format(value, buffer);
        return Encoding.ASCII.GetString(buffer[..length]);
    }
}
