using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Ledger.Canonicalization;
using Steward.Ledger.Entries;
using Steward.Ledger.Merkle;

namespace Steward.Ledger.Tests.Entries;

/// <summary>
/// The entry writer lays out the seven members itself, for speed; the canonicalizer is the
/// reference for what RFC 8785 makes of the same object, and the bytes of entries already in
/// ledgers must not change.
/// </summary>
public sealed class EntryEncodingTests
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "/", ".", "\"", "\\", "\b", "\t", "\n", "\f", "\r", "\u0000", "\u0001", "\u001f",
        "\u007f", "\u0080", "é", "€", "数据", "\u2028", "\ufeff", "\uffff", "😀", "𝄞",
    ];

    [Fact]
    public void bytes_equal_the_canonicalizer_on_the_same_members_for_random_entries()
    {
        var random = new Random(8785);
        for (var i = 0; i < 2_000; i++)
        {
            var index = i < 4 ? new[] { 0L, 1L, 9L, (1L << 53) - 1 }[i] : random.NextInt64(1L << random.Next(1, 54));
            var time = DateTimeOffset.FromUnixTimeMilliseconds(random.NextInt64(
                DateTimeOffset.MinValue.ToUnixTimeMilliseconds(), DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()));
            string actor = Text(random), action = Text(random), resource = Text(random), digest = Text(random), outcome = Text(random);
            var members = new JsonObject
            {
                ["timestamp"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = resource,
                ["payloadDigest"] = digest,
                ["outcome"] = outcome,
                ["index"] = (double)index,
                ["actor"] = actor,
                ["action"] = action,
            };

            Assert.Equal(JsonCanonicalizer.Canonicalize(members), EntryEncoding.Encode(index, time, actor, action, resource, digest, outcome));
        }
    }

    [Fact]
    public void the_pieces_around_the_index_and_time_make_the_whole_entry()
    {
        var random = new Random(6962);
        for (var i = 0; i < 200; i++)
        {
            var index = random.NextInt64(1L << 53);
            var time = DateTimeOffset.FromUnixTimeMilliseconds(random.NextInt64(253_402_300_800_000));
            string actor = Text(random), action = Text(random), resource = Text(random), digest = Text(random), outcome = Text(random);
            var head = new ArrayBufferWriter<byte>();
            EntryEncoding.WriteHead(head, action, actor);
            var middle = new ArrayBufferWriter<byte>();
            EntryEncoding.WriteMiddle(middle, outcome, digest, resource);

            // What PostgreSQL's ledger_append concatenates around the index and time it assigns.
            var spliced = head.WrittenSpan.ToArray()
                .Concat(Encoding.ASCII.GetBytes(index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Concat(middle.WrittenSpan.ToArray())
                .Concat(Encoding.ASCII.GetBytes(EntryEncoding.FormatTimestamp(time)))
                .Concat(EntryEncoding.End.ToArray());
            Assert.Equal(EntryEncoding.Encode(index, time, actor, action, resource, digest, outcome), spliced);
        }
    }

    [Fact]
    public void an_entry_s_bytes_and_leaf_hash_are_those_ledgers_already_hold()
    {
        var bytes = EntryEncoding.Encode(
            42, DateTimeOffset.FromUnixTimeMilliseconds(1_763_900_000_123), "quote\"back\\slash", "run.log_batch",
            "experiment/数据/\u0001\n", new string('a', 64), "ok");

        Assert.Equal(
            "{\"action\":\"run.log_batch\",\"actor\":\"quote\\\"back\\\\slash\",\"index\":42,\"outcome\":\"ok\",\"payloadDigest\":\"" + new string('a', 64)
            + "\",\"resource\":\"experiment/数据/\\u0001\\n\",\"timestamp\":\"2025-11-23T12:13:20.123Z\"}",
            Encoding.UTF8.GetString(bytes));
        Assert.Equal("9733dc3e5932580bf187354d9ceac465b194fdff45b51bb021b5a36f87a206d7", Convert.ToHexStringLower(MerkleHash.HashLeaf(bytes)));
    }

    [Fact]
    public void a_lone_surrogate_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EntryEncoding.Encode(0, DateTimeOffset.UnixEpoch, "\ud800", "a", "r", "d", "ok"));
    }

    private static string Text(Random random)
    {
        var count = random.Next(30) == 0 ? random.Next(500, 2_000) : random.Next(0, 12);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append(Pieces[random.Next(Pieces.Length)]);
        return text.ToString();
    }
}
