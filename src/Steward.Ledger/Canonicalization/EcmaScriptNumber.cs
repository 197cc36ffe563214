using System.Globalization;

namespace Steward.Ledger.Canonicalization;

/// <summary>
/// Formats a double the way ECMAScript's Number.prototype.toString does (ECMA-262
/// Number::toString), which is what RFC 8785 §3.2.2.3 requires of canonical JSON numbers.
/// </summary>
/// <remarks>
/// .NET's "R" format already yields the shortest digit string that round-trips (and, among
/// those, the one closest to the value), which is exactly ECMAScript's choice of digits; only
/// the layout differs. So this takes .NET's digits and exponent and lays them out with
/// ECMAScript's rules: plain digits below 1e21, "0.000ddd" down to 1e-6, exponent form
/// ("1e+21", "1e-7") outside that, and "-0" as "0".
/// </remarks>
internal static class EcmaScriptNumber
{
    /// <summary>Room for the longest output ("-0.00000" and 17 digits is 25 bytes) and for .NET's own text.</summary>
    public const int MaxLength = 32;

    /// <summary>Writes <paramref name="value"/> as ASCII into <paramref name="destination"/> and returns the length.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite: JSON cannot carry it.</exception>
    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{value} cannot be represented in canonical JSON (RFC 8785 §3.2.2.3).", nameof(value));
        }
        if (value == 0)
        {
            destination[0] = (byte)'0'; // both +0 and -0
            return 1;
        }

        Span<byte> text = stackalloc byte[MaxLength];
        if (!value.TryFormat(text, out int length, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double did not fit its formatting buffer.");
        }

        // Decompose .NET's text into significant digits d1..dk and n, so that the value is
        // 0.d1..dk × 10^n: ECMA-262's k and n.
        Span<byte> digits = stackalloc byte[24];
        int k = 0, n = 0, i = 0;
        bool negative = text[0] == (byte)'-';
        if (negative)
        {
            i++;
        }
        bool afterPoint = false;
        for (; i < length && text[i] != (byte)'E'; i++)
        {
            byte c = text[i];
            if (c == (byte)'.')
            {
                afterPoint = true;
            }
            else if (k == 0 && c == (byte)'0')
            {
                if (afterPoint)
                {
                    n--; // a leading zero after the point: 0.00d = 0.d × 10^-2
                }
            }
            else
            {
                digits[k++] = c;
                if (!afterPoint)
                {
                    n++;
                }
            }
        }
        if (i < length)
        {
            n += int.Parse(text[(i + 1)..length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        while (digits[k - 1] == (byte)'0')
        {
            k--; // trailing zeros of an integer ("100") are carried by n, not by digits
        }

        int pos = 0;
        if (negative)
        {
            destination[pos++] = (byte)'-';
        }
        if (k <= n && n <= 21)
        {
            // Integer: the digits, then n − k zeros.
            digits[..k].CopyTo(destination[pos..]);
            pos += k;
            destination.Slice(pos, n - k).Fill((byte)'0');
            pos += n - k;
        }
        else if (0 < n && n <= 21)
        {
            // Point inside the digits.
            digits[..n].CopyTo(destination[pos..]);
            pos += n;
            destination[pos++] = (byte)'.';
            digits[n..k].CopyTo(destination[pos..]);
            pos += k - n;
        }
        else if (-6 < n && n <= 0)
        {
            // Small fraction: "0.", −n zeros, the digits.
            destination[pos++] = (byte)'0';
            destination[pos++] = (byte)'.';
            destination.Slice(pos, -n).Fill((byte)'0');
            pos += -n;
            digits[..k].CopyTo(destination[pos..]);
            pos += k;
        }
        else
        {
            // Exponent form: d1[.d2..dk]e±(n − 1).
            destination[pos++] = digits[0];
            if (k > 1)
            {
                destination[pos++] = (byte)'.';
                digits[1..k].CopyTo(destination[pos..]);
                pos += k - 1;
            }
            destination[pos++] = (byte)'e';
            int exponent = n - 1;
            destination[pos++] = exponent < 0 ? (byte)'-' : (byte)'+';
            exponent = Math.Abs(exponent);
            if (!exponent.TryFormat(destination[pos..], out int written, default, CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException("An exponent did not fit its formatting buffer.");
            }
            pos += written;
        }
        return pos;
    }
}
