using System.Globalization;
using System.Text.Json;
using Steward.Ledger.Signing;

namespace Steward.Audit.Heads;

/// <summary>
/// Signed tree heads kept outside the database, one JSON object a line, oldest first, the
/// way an auditor or a witness keeps them: an attacker who rewrites the database cannot
/// rewrite these, so verification against them catches a rewrite that recomputed every hash.
/// </summary>
/// <remarks>
/// <code>{"treeSize":42,"rootHash":"&lt;hex&gt;","timestamp":"2026-01-02T03:04:05.678Z","signature":"&lt;base64 DER&gt;","publicKey":"&lt;base64 DER SPKI&gt;","keyId":"&lt;hex&gt;"}</code>
/// </remarks>
public static class HeadsFile
{
    /// <summary>One head as its line (no line break).</summary>
    public static string Format(SignedTreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("treeSize", head.Head.TreeSize);
            json.WriteString("rootHash", head.Head.RootHashHex);
            json.WriteString("timestamp", head.Head.TimestampText);
            json.WriteString("signature", Convert.ToBase64String(head.Signature));
            json.WriteString("publicKey", Convert.ToBase64String(head.PublicKey));
            json.WriteString("keyId", TreeHeadVerifier.KeyIdOf(head.PublicKey));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Every head in <paramref name="text"/>, in file order; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A line is not a head; the message names the line.</exception>
    public static IReadOnlyList<SignedTreeHead> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var heads = new List<SignedTreeHead>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                heads.Add(ParseLine(line));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
            {
                throw new FormatException($"line {number} is not a signed tree head ({e.Message})", e);
            }
        }

        return heads;
    }

    /// <summary>Builds a head from the parts the API publishes (hex root, ISO time, base64 signature and key).</summary>
    public static SignedTreeHead FromPublished(long treeSize, string rootHash, string timestamp, string signature, string publicKey) =>
        new(new TreeHead(treeSize, Convert.FromHexString(rootHash), ParseTime(timestamp)), Convert.FromBase64String(signature), Convert.FromBase64String(publicKey));

    private static SignedTreeHead ParseLine(string line)
    {
        using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 4 });
        var root = document.RootElement;
        return FromPublished(
            root.GetProperty("treeSize").GetInt64(),
            Text(root, "rootHash"),
            Text(root, "timestamp"),
            Text(root, "signature"),
            Text(root, "publicKey"));
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' must be a string.");

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
