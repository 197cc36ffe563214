using System.Text;
using System.Text.Json;
using Steward.Errors;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;

namespace Steward.Audit;

/// <summary>
/// The audit log as auditors read it: signed tree heads, entries by range and filter, and
/// inclusion and consistency proofs. Every root and proof is one batched read of O(log n)
/// stored nodes (<see cref="ProofPlan"/>), never a rebuild.
/// </summary>
public sealed class AuditService(ILedgerStore store, TreeHeadSigner signer, TimeProvider clock)
{
    /// <summary>The log key's public key, DER SubjectPublicKeyInfo.</summary>
    public byte[] PublicKey { get; } = signer.PublicKey;

    /// <summary>
    /// The head of the committed log, signed. Each head issued is stored so that verification
    /// can check it later; asking again at the same size returns the stored head.
    /// </summary>
    public async Task<SignedTreeHead> GetHeadAsync(CancellationToken cancellationToken) =>
        await GetHeadAtAsync((await store.GetStateAsync(cancellationToken)).TreeSize, cancellationToken);

    /// <summary>
    /// A signed head of the first <paramref name="treeSize"/> committed entries: the newest stored
    /// head when it is of that size and by this key, else one signed now and stored like every
    /// head issued. An export asks for the size it writes, which the log may since have outgrown.
    /// </summary>
    public async Task<SignedTreeHead> GetHeadAtAsync(long treeSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        var latest = await store.GetLatestHeadAsync(cancellationToken);
        if (latest is not null && latest.Head.TreeSize == treeSize && latest.PublicKey.AsSpan().SequenceEqual(PublicKey)) return latest;

        var root = await RootAsync(treeSize, cancellationToken);
        var head = new TreeHead(treeSize, root, clock.GetUtcNow());
        var signed = new SignedTreeHead(head, signer.Sign(head), PublicKey);
        await store.SaveHeadAsync(signed, cancellationToken);
        return signed;
    }

    /// <summary>The root hash of the first <paramref name="treeSize"/> entries.</summary>
    public async Task<byte[]> RootAsync(long treeSize, CancellationToken cancellationToken)
    {
        var plan = ProofPlan.ForRoot(treeSize);
        return plan.Assemble(await store.ReadNodesAsync(plan.Nodes, cancellationToken))[0];
    }

    /// <summary>
    /// Entries in <c>[start, end)</c> matching the filters, one page at a time; the token is the
    /// next index to read, so pages stay stable while the log grows.
    /// </summary>
    public async Task<AuditPage> ListEntriesAsync(long? start, long? end, AuditEntryQuery filters, int? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        if (start < 0) throw StewardException.Invalid("Parameter 'start' must be 0 or more.");
        if (end < 0) throw StewardException.Invalid("Parameter 'end' must be 0 or more.");
        if (start > end) throw StewardException.Invalid($"Parameter 'start' ({start}) must not exceed 'end' ({end}).");
        if (maxResults is < 1 or > Limits.MaxAuditEntriesResults)
        {
            throw StewardException.Invalid($"Parameter 'maxResults' must be between 1 and {Limits.MaxAuditEntriesResults}.");
        }

        var from = pageToken is null ? start ?? 0 : Math.Max(start ?? 0, DecodeToken(pageToken));
        var limit = maxResults ?? Limits.DefaultAuditEntriesResults;
        var rows = await store.ListEntriesAsync(filters with { Start = from, End = end, Limit = limit + 1 }, cancellationToken);
        if (rows.Count <= limit) return new AuditPage(rows, null);
        return new AuditPage(rows.Take(limit).ToList(), EncodeToken(rows[limit].Index));
    }

    /// <summary>The audit path of entry <paramref name="index"/> in the tree of <paramref name="treeSize"/> entries, with its leaf hash.</summary>
    public async Task<(byte[] LeafHash, byte[][] Path)> InclusionProofAsync(long? index, long? treeSize, CancellationToken cancellationToken)
    {
        var size = await CheckSizeAsync(treeSize, "treeSize", cancellationToken);
        if (index is null) throw StewardException.Invalid("Missing value for required parameter 'index'.");
        if (index < 0 || index >= size) throw StewardException.Invalid($"Parameter 'index' must be at least 0 and less than treeSize ({size}), got {index}.");

        var plan = ProofPlan.ForInclusion(index.Value, size);
        var leaf = new NodeId(0, index.Value);
        var hashes = await store.ReadNodesAsync([leaf, .. plan.Nodes], cancellationToken);
        return (hashes[..MerkleHash.Size], plan.Assemble(hashes.AsSpan(MerkleHash.Size)));
    }

    /// <summary>The proof that the tree of <paramref name="second"/> entries extends the tree of <paramref name="first"/>.</summary>
    public async Task<byte[][]> ConsistencyProofAsync(long? first, long? second, CancellationToken cancellationToken)
    {
        var to = await CheckSizeAsync(second, "second", cancellationToken);
        if (first is null) throw StewardException.Invalid("Missing value for required parameter 'first'.");
        if (first < 1) throw StewardException.Invalid($"Parameter 'first' must be at least 1 (a proof from the empty tree proves nothing), got {first}.");
        if (first > to) throw StewardException.Invalid($"Parameter 'first' ({first}) must not exceed 'second' ({to}).");

        var plan = ProofPlan.ForConsistency(first.Value, to);
        return plan.Assemble(await store.ReadNodesAsync(plan.Nodes, cancellationToken));
    }

    private async Task<long> CheckSizeAsync(long? size, string field, CancellationToken cancellationToken)
    {
        if (size is null) throw StewardException.Invalid($"Missing value for required parameter '{field}'.");
        if (size < 1) throw StewardException.Invalid($"Parameter '{field}' must be at least 1, got {size}.");
        var current = (await store.GetStateAsync(cancellationToken)).TreeSize;
        if (size > current) throw StewardException.Invalid($"Parameter '{field}' ({size}) exceeds the current tree size ({current}).");
        return size.Value;
    }

    private static string EncodeToken(long next) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"next\": {next}}}"));

    private static long DecodeToken(string token)
    {
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(token));
            if (json.RootElement.TryGetProperty("next", out var next) && next.TryGetInt64(out var value) && value >= 0) return value;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
        }

        throw StewardException.Invalid("Invalid value for parameter 'pageToken'.");
    }
}

/// <summary>One page of entries; <see cref="NextPageToken"/> is null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? NextPageToken);
