using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Ledger.Canonicalization;
using Steward.Tracking;

namespace Steward.Core.Tests.Audit;

public sealed class AuditPayloadTests
{
    [Fact]
    public void integers_are_canonical_json_numbers_up_to_two_to_the_53_and_strings_beyond()
    {
        Assert.Equal("[1700000000000,-5,9007199254740992,\"9007199254740993\"]"u8.ToArray(), JsonCanonicalizer.Canonicalize(new JsonArray(
            AuditPayload.Integer(1_700_000_000_000), AuditPayload.Integer(-5), AuditPayload.Integer(1L << 53), AuditPayload.Integer((1L << 53) + 1))));
    }

    [Fact]
    public void non_finite_numbers_become_their_names()
    {
        Assert.Equal("[\"NaN\",\"Infinity\",\"-Infinity\",0.5]"u8.ToArray(), JsonCanonicalizer.Canonicalize(new JsonArray(
            AuditPayload.Number(double.NaN), AuditPayload.Number(double.PositiveInfinity), AuditPayload.Number(double.NegativeInfinity), AuditPayload.Number(0.5))));
    }

    [Fact]
    public void an_entry_index_is_written_as_its_digits()
    {
        var entry = new AuditEntry(123456789, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), "a", "x.y", "r/1", new string('0', 64), "ok");
        Assert.Equal(
            "{\"action\":\"x.y\",\"actor\":\"a\",\"index\":123456789,\"outcome\":\"ok\",\"payloadDigest\":\"" + new string('0', 64) + "\",\"resource\":\"r/1\",\"timestamp\":\"2023-11-14T22:13:20.123Z\"}",
            System.Text.Encoding.UTF8.GetString(entry.ToLeafBytes()));
    }

    [Fact]
    public void entry_bytes_equal_the_canonicalizer_on_the_same_members()
    {
        var random = new Random(6962);
        var chars = new[] { "a", "Z", "\"", "\\", "\n", "\t", "\b", "\f", "\r", "\u0001", "\u001f", "\u007f", "é", "€", "😀", "\u2028", "/", " " };
        string Text() => string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => chars[random.Next(chars.Length)]));
        for (var i = 0; i < 500; i++)
        {
            var index = i < 3 ? new[] { 0L, 1L, (1L << 53) - 1 }[i] : random.NextInt64(1L << 53);
            var entry = new AuditEntry(index, DateTimeOffset.FromUnixTimeMilliseconds(random.NextInt64(253_402_300_800_000)), Text(), Text(), Text(), Text(), Text());
            var members = new JsonObject
            {
                ["timestamp"] = entry.TimestampText,
                ["resource"] = entry.Resource,
                ["payloadDigest"] = entry.PayloadDigest,
                ["outcome"] = entry.Outcome,
                ["index"] = (double)entry.Index,
                ["actor"] = entry.Actor,
                ["action"] = entry.Action,
            };
            Assert.Equal(JsonCanonicalizer.Canonicalize(members), entry.ToLeafBytes());
        }
    }

    [Fact]
    public void the_streamed_batch_digest_equals_the_canonicalizer_on_the_same_payload()
    {
        var random = new Random(20261123);
        string Text()
        {
            var chars = new[] { "a", "Z", "\"", "\\", "\n", "\u0001", "\u001f", "\u007f", "é", "€", "😀", "\u2028", "/", " " };
            return string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => chars[random.Next(chars.Length)]));
        }

        double Value() => random.Next(8) switch
        {
            0 => double.NaN,
            1 => random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
            2 => 0.0,
            3 => -0.0,
            _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)),
        };

        long Integer() => random.Next(4) switch
        {
            0 => random.NextInt64(-(1L << 60), 1L << 60),
            1 => (1L << 53) + random.Next(-2, 3),
            _ => random.NextInt64(-1_000_000, 2_000_000_000_000),
        };

        for (var round = 0; round < 200; round++)
        {
            var batch = new RunBatch(
                Enumerable.Range(0, random.Next(0, 20)).Select(_ => new Metric(Text(), Value(), Integer(), Integer())).ToList(),
                Enumerable.Range(0, random.Next(0, 4)).Select(_ => new Param(Text(), Text())).ToList(),
                Enumerable.Range(0, random.Next(0, 4)).Select(_ => new Tag(Text(), Text())).ToList());
            var tree = new JsonObject
            {
                ["run_id"] = "run-1",
                ["metrics"] = new JsonArray(batch.Metrics.Select(m => (JsonNode)new JsonObject
                {
                    ["key"] = m.Key, ["value"] = AuditPayload.Number(m.Value), ["timestamp"] = AuditPayload.Integer(m.Timestamp), ["step"] = AuditPayload.Integer(m.Step),
                }).ToArray()),
                ["params"] = AuditPayload.Pairs(batch.Params, p => p.Key, p => p.Value),
                ["tags"] = AuditPayload.Pairs(batch.Tags, t => t.Key, t => t.Value),
            };
            Assert.Equal(AuditPayload.Digest(tree), TrackingService.BatchDigest("run-1", batch));
        }
    }
}
