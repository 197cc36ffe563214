using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonicalization;

namespace Steward.Audit;

/// <summary>
/// Writes RFC 8785 canonical JSON straight into a SHA-256, for payloads too large to build as a
/// <see cref="JsonNode"/> tree on every request (a 1,000-point metric batch). The caller writes
/// members in canonical order (sorted by name); the bytes are exactly those
/// <see cref="JsonCanonicalizer"/> produces for the same value, which the tests check.
/// </summary>
internal sealed class CanonicalJsonHasher : IDisposable
{
    private const long MaxExactInteger = 1L << 53;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private readonly System.Buffers.ArrayBufferWriter<byte>? _copy;
    private int _position;

    /// <param name="keepBytes">Also keep the bytes written (<see cref="FinishBytes"/>), for a payload the ledger keeps.</param>
    public CanonicalJsonHasher(bool keepBytes = false)
    {
        if (keepBytes) _copy = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
    }

    public void Raw(char token)
    {
        Ensure(1);
        _buffer[_position++] = (byte)token;
    }

    /// <summary>A member name and its colon.</summary>
    public void Name(string name)
    {
        String(name);
        Raw(':');
    }

    /// <summary>A string, escaped as RFC 8785 §3.2.2.2 requires; lone surrogates are refused as JCS refuses them.</summary>
    public void String(string value)
    {
        Raw('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            Ensure(12);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
            {
                _buffer[_position++] = (byte)c;
            }
            else if (c < 0x80)
            {
                _buffer[_position++] = (byte)'\\';
                _buffer[_position++] = c switch
                {
                    '"' => (byte)'"',
                    '\\' => (byte)'\\',
                    '\b' => (byte)'b',
                    '\t' => (byte)'t',
                    '\n' => (byte)'n',
                    '\f' => (byte)'f',
                    '\r' => (byte)'r',
                    _ => (byte)'u',
                };
                if (_buffer[_position - 1] == 'u')
                {
                    _buffer[_position++] = (byte)'0';
                    _buffer[_position++] = (byte)'0';
                    _buffer[_position++] = (byte)"0123456789abcdef"[c >> 4];
                    _buffer[_position++] = (byte)"0123456789abcdef"[c & 0xf];
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                _position += System.Text.Encoding.UTF8.GetBytes(value.AsSpan(i, 2), _buffer.AsSpan(_position));
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // Input text, not a fault of ours: the request carries invalid Unicode, so it is refused as bad input.
                throw Errors.StewardException.Invalid($"Invalid text: the value '{value}' contains a lone UTF-16 surrogate (\\u{(int)c:x4}), which is not valid Unicode.");
            }
            else
            {
                _position += System.Text.Encoding.UTF8.GetBytes(value.AsSpan(i, 1), _buffer.AsSpan(_position));
            }
        }

        Raw('"');
    }

    /// <summary>As <see cref="AuditPayload.Integer"/>: a number up to 2^53, else a string of digits.</summary>
    public void Integer(long value)
    {
        if (Math.Abs(value) > MaxExactInteger)
        {
            String(value.ToString(CultureInfo.InvariantCulture));
            return;
        }

        Ensure(24);
        value.TryFormat(_buffer.AsSpan(_position), out var written, provider: CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>As <see cref="AuditPayload.Number"/>: ECMAScript's shortest form, non-finite values by name.</summary>
    public void Number(double value)
    {
        if (!double.IsFinite(value))
        {
            String(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            return;
        }

        Ensure(32);
        if (value == 0)
        {
            _buffer[_position++] = (byte)'0';
            return;
        }

        // .NET's "R" is the shortest round-trip digit string, as ECMAScript's; both lay out
        // values from 1e-5 to below 1e15 in plain decimals. Outside that .NET uses an exponent
        // where ECMAScript may not, so those take the canonicalizer's own formatting.
        if (value.TryFormat(_buffer.AsSpan(_position), out var written, "R", CultureInfo.InvariantCulture)
            && _buffer.AsSpan(_position, written).IndexOf((byte)'E') < 0)
        {
            _position += written;
            return;
        }

        var canonical = JsonCanonicalizer.Canonicalize(JsonValue.Create(value));
        canonical.CopyTo(_buffer, _position);
        _position += canonical.Length;
    }

    /// <summary>The lowercase hex SHA-256 of everything written.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <summary>Everything written, as bytes (only with <c>keepBytes</c>).</summary>
    public byte[] FinishBytes()
    {
        if (_copy is null) throw new InvalidOperationException("This hasher keeps no bytes.");
        Flush();
        return _copy.WrittenSpan.ToArray();
    }

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private void Ensure(int bytes)
    {
        if (_position + bytes > _buffer.Length) Flush();
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _position);
        _copy?.Write(_buffer.AsSpan(0, _position));
        _position = 0;
    }
}
