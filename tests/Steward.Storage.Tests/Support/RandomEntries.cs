using System.Text;
using Steward.Audit;

namespace Steward.Storage.Tests.Support;

/// <summary>
/// Random ledger entries whose strings stress the entry encoding: quotes, backslashes, every
/// control character JSON escapes, non-ASCII from one to four UTF-8 bytes (surrogate pairs
/// included), characters JCS writes unescaped (U+007F, U+2028, '/'), empty and long strings.
/// U+0000 is left out: PostgreSQL text cannot hold it, so no entry on PostgreSQL carries it.
/// Pieces are up to six UTF-8 bytes long.
/// </summary>
public static class RandomEntries
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "/", "run", "model", ".", "-", "\"", "\\", "\\\"", "\b", "\t", "\n", "\f", "\r",
        "\u0001", "\u0007", "\u000b", "\u000e", "\u001b", "\u001f", "\u007f", "\u0080", "é", "ß", "Ω", "€", "数据",
        "\u2028", "\u2029", "\ufeff", "\ufffd", "\uffff", "😀", "𝄞", "\U0010FFFF",
    ];

    public static NewAuditEntry Entry(Random random) => new(
        Text(random),
        random.Next(3) == 0 ? Text(random) : "run.log_batch",
        // The resource is indexed, and a PostgreSQL index entry holds at most 2,704 bytes.
        random.Next(2) == 0 ? "run/" + Text(random, 300) : Text(random, 300),
        random.Next(4) == 0 ? Text(random) : Convert.ToHexStringLower(RandomBytes(random, 32)),
        random.Next(5) switch
        {
            0 => AuditEntry.Denied,
            1 => Text(random),
            _ => AuditEntry.Ok,
        });

    /// <summary>Mostly short, sometimes empty, now and then thousands of characters.</summary>
    public static string Text(Random random, int longest = 3_000)
    {
        var count = random.Next(20) switch
        {
            0 => 0,
            1 => random.Next(longest / 6, longest),
            _ => random.Next(1, 24),
        };
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append(Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
