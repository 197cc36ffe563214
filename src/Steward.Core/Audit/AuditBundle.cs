using System.Globalization;
using System.Text.Json;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;

namespace Steward.Audit;

/// <summary>
/// The offline form of the ledger: every entry with its canonical bytes, every signed head and
/// the log's public key, as one JSON document an auditor verifies on another machine with no
/// server or database (<see cref="Verify"/>).
/// </summary>
/// <remarks>
/// <code>
/// {"format": "steward-audit-bundle/1", "publicKey": "&lt;base64 DER SPKI&gt;", "keyId": "&lt;hex&gt;",
///  "treeSize": n, "rootHash": "&lt;hex&gt;",
///  "heads": [{"treeSize", "rootHash", "timestamp", "signature"}],
///  "entries": [{"index", "leaf" (base64 canonical bytes), "actor", "action", "resource", "timestamp", "payloadDigest", "outcome"}]}
/// </code>
/// </remarks>
public static class AuditBundle
{
    /// <summary>The format name written into and required of every bundle.</summary>
    public const string Format = "steward-audit-bundle/1";

    /// <summary>
    /// Writes the entries of <paramref name="snapshot"/>, streamed entry by entry, and all its
    /// heads, unfiltered: a head beyond the exported entries means the tail was cut, and
    /// verification says so.
    /// </summary>
    /// <returns>The number of entries written.</returns>
    public static async Task<long> ExportAsync(ILedgerStore store, LedgerSnapshot snapshot, byte[] publicKey, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(publicKey);
        var heads = snapshot.Heads;
        var range = new CompactRange();
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("publicKey", Convert.ToBase64String(publicKey));
        json.WriteString("keyId", TreeHeadVerifier.KeyIdOf(publicKey));
        json.WriteStartArray("heads");
        foreach (var signed in heads)
        {
            json.WriteStartObject();
            json.WriteNumber("treeSize", signed.Head.TreeSize);
            json.WriteString("rootHash", signed.Head.RootHashHex);
            json.WriteString("timestamp", signed.Head.TimestampText);
            json.WriteString("signature", Convert.ToBase64String(signed.Signature));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("entries");
        long next = 0;
        while (next < snapshot.TreeSize)
        {
            var page = await store.ListEntriesAsync(new AuditEntryQuery(next, snapshot.TreeSize, 10_000), cancellationToken);
            if (page.Count == 0) break;
            foreach (var entry in page)
            {
                var leaf = entry.ToLeafBytes();
                range.AppendEntry(leaf);
                json.WriteStartObject();
                json.WriteNumber("index", entry.Index);
                json.WriteBase64String("leaf", leaf);
                json.WriteString("actor", entry.Actor);
                json.WriteString("action", entry.Action);
                json.WriteString("resource", entry.Resource);
                json.WriteString("timestamp", entry.TimestampText);
                json.WriteString("payloadDigest", entry.PayloadDigest);
                json.WriteString("outcome", entry.Outcome);
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
            next = page[^1].Index + 1;
        }

        json.WriteEndArray();
        json.WriteNumber("treeSize", range.Size);
        json.WriteString("rootHash", Convert.ToHexStringLower(range.RootHash()));
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return range.Size;
    }

    /// <summary>
    /// Verifies a bundle with nothing but its contents: every entry's bytes against its fields,
    /// the recomputed tree against the bundle's root, and every head's signature and root.
    /// </summary>
    /// <param name="bundle">The bundle's JSON.</param>
    /// <param name="trustedKey">The log key the auditor trusts (DER SPKI); null trusts the bundle's own key (compare its key id with the published one).</param>
    /// <param name="trustedHeads">Heads the auditor kept elsewhere (a heads file), checked with the bundle's own.</param>
    public static LedgerVerification Verify(Stream bundle, byte[]? trustedKey = null, IEnumerable<SignedTreeHead>? trustedHeads = null)
    {
        using var document = JsonDocument.Parse(bundle, new JsonDocumentOptions { MaxDepth = 8 });
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetString() != Format)
        {
            throw new FormatException($"Not a Steward audit bundle (expected format \"{Format}\").");
        }

        var publicKey = Convert.FromBase64String(Text(root, "publicKey"));
        var heads = root.GetProperty("heads").EnumerateArray().Select(h => new SignedTreeHead(
            new TreeHead(h.GetProperty("treeSize").GetInt64(), Convert.FromHexString(Text(h, "rootHash")), Time(Text(h, "timestamp"))),
            Convert.FromBase64String(Text(h, "signature")),
            publicKey)).ToList();
        var verifier = new LedgerVerifier(heads.Concat(trustedHeads ?? []), trustedKey ?? publicKey, keepNodes: false);
        foreach (var e in root.GetProperty("entries").EnumerateArray())
        {
            var entry = new AuditEntry(
                e.GetProperty("index").GetInt64(), Time(Text(e, "timestamp")), Text(e, "actor"), Text(e, "action"),
                Text(e, "resource"), Text(e, "payloadDigest"), Text(e, "outcome"));
            if (!verifier.Add(entry, e.GetProperty("leaf").GetBytesFromBase64())) break;
        }

        var result = verifier.Finish();
        if (result.Ok && (root.GetProperty("treeSize").GetInt64() != result.Entries || Text(root, "rootHash") != Convert.ToHexStringLower(result.RootHash)))
        {
            return result with { FirstBadEntry = result.Entries, Problem = "the bundle's stated tree size or root hash differs from the one recomputed from its entries" };
        }

        return result;
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' must be a string.");

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
