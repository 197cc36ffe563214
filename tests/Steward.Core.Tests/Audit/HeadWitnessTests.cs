using Steward.Audit;
using Steward.Audit.Heads;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;

namespace Steward.Core.Tests.Audit;

/// <summary>The witness's check of each new head, on trees built in memory.</summary>
public sealed class HeadWitnessTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly TreeHeadSigner _key = TreeHeadSigner.Generate();

    [Fact]
    public void a_head_that_extends_the_last_by_a_valid_proof_is_kept()
    {
        var (last, next, proof) = Grow(Entries(5), Entries(9));
        Assert.Equal(WitnessVerdict.Extends, HeadWitness.Check(last, next, proof, _key.PublicKey));
    }

    [Fact]
    public void a_head_over_rewritten_entries_is_inconsistent_and_names_both_sizes()
    {
        var rewritten = Entries(9);
        rewritten[2] = "changed"u8.ToArray();
        var (last, next, proof) = Grow(Entries(5), rewritten);
        var verdict = HeadWitness.Check(last, next, proof, _key.PublicKey);
        Assert.False(verdict.Consistent);
        Assert.Equal("the head of size 9 (2026-01-02T03:04:05.000Z) does not extend the head of size 5 (2026-01-02T03:04:05.000Z): the first 5 entries were rewritten", verdict.Problem);
    }

    [Fact]
    public void a_smaller_head_or_another_root_at_the_same_size_is_inconsistent()
    {
        var last = Sign(Entries(5));
        var shorter = Sign(Entries(4));
        Assert.StartsWith("the log shrank", HeadWitness.Check(last, shorter, [], _key.PublicKey).Problem, StringComparison.Ordinal);
        var other = Entries(5);
        other[4] = "x"u8.ToArray();
        Assert.StartsWith("two heads of size 5 differ", HeadWitness.Check(last, Sign(other), [], _key.PublicKey).Problem, StringComparison.Ordinal);
        Assert.Equal(WitnessVerdict.Unchanged, HeadWitness.Check(last, last, [], _key.PublicKey));
    }

    [Fact]
    public void a_head_signed_by_another_key_is_refused()
    {
        using var other = TreeHeadSigner.Generate();
        var verdict = HeadWitness.Check(null, Sign(Entries(3)), [], other.PublicKey);
        Assert.StartsWith("the head of size 3 (2026-01-02T03:04:05.000Z) is not signed by the pinned key", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_head_is_due_after_n_entries_or_after_the_interval_once_the_log_grew()
    {
        var schedule = new HeadSchedule(10, TimeSpan.FromMinutes(1));
        var head = Sign(Entries(5));
        Assert.False(schedule.IsDue(head, 14, Time.AddSeconds(59), Time));
        Assert.True(schedule.IsDue(head, 15, Time.AddSeconds(1), Time));
        Assert.True(schedule.IsDue(head, 6, Time.AddMinutes(1), Time));
        Assert.False(schedule.IsDue(head, 5, Time.AddHours(1), Time));
        Assert.False(schedule.IsDue(null, 3, Time.AddSeconds(30), Time));
        Assert.True(schedule.IsDue(null, 3, Time.AddMinutes(1), Time));
    }

    [Fact]
    public void heads_round_trip_through_a_heads_file_line()
    {
        var head = Sign(Entries(7));
        var line = HeadsFile.Format(head);
        var parsed = Assert.Single(HeadsFile.Parse(line + "\n\n"));
        Assert.Equal(head.Head, parsed.Head);
        Assert.True(parsed.IsSignedBy(_key.PublicKey));
        var error = Assert.Throws<FormatException>(() => HeadsFile.Parse(line + "\nnot json\n"));
        Assert.StartsWith("line 2 is not a signed tree head", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _key.Dispose();

    private (SignedTreeHead Last, SignedTreeHead Next, byte[][] Proof) Grow(List<byte[]> first, List<byte[]> second)
    {
        var nodes = new InMemoryNodeSource();
        var range = new CompactRange();
        foreach (var entry in second) range.AppendEntry(entry, nodes);
        var plan = ProofPlan.ForConsistency(first.Count, second.Count);
        var hashes = new byte[plan.Nodes.Count * MerkleHash.Size];
        nodes.ReadNodes(plan.Nodes.ToArray(), hashes);
        return (Sign(first), Sign(second), plan.Assemble(hashes));
    }

    private SignedTreeHead Sign(List<byte[]> entries)
    {
        var range = new CompactRange();
        foreach (var entry in entries) range.AppendEntry(entry);
        var head = new TreeHead(entries.Count, range.RootHash(), Time);
        return new SignedTreeHead(head, _key.Sign(head), _key.PublicKey);
    }

    private static List<byte[]> Entries(int count) => Enumerable.Range(0, count).Select(i => System.Text.Encoding.UTF8.GetBytes($"entry {i}")).ToList();
}
