using Steward.Audit;
using Steward.Storage.Ledger;

namespace Steward.Storage.Tests.Ledger;

/// <summary>
/// The pieces of an entry's canonical bytes that appends complete with the index and time
/// (PostgreSQL does it in SQL) must give exactly the bytes the verifier rebuilds from the row.
/// </summary>
public sealed class LeafTemplateTests
{
    public static TheoryData<string, string> Fields() => new()
    {
        { "local-admin", "run/0123456789abcdef0123456789abcdef" },
        { "quote\"back\\slash", "registered_model/a b/version/2" },
        { "control\u0001\u001f\t\n\r\b\f", "artifact/x\u007fy" },
        { "ünïcödé ✓ 𝄞", "experiment/数据/3" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void completed_bytes_equal_the_entry_s_canonical_bytes(string actor, string resource)
    {
        var digest = new string('a', 64);
        var template = LeafTemplate.For(new NewAuditEntry(actor, "run.log_batch", resource, digest));
        foreach (var (index, ms) in new[] { (0L, 0L), (7L, 1_763_900_000_123L), (9_007_199_254_740_991L, 253_402_300_799_999L) })
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            var entry = new AuditEntry(index, time, actor, "run.log_batch", resource, digest, AuditEntry.Ok);
            Assert.Equal(entry.ToLeafBytes(), template.Complete(index, time));
        }
    }
}
