using Steward.Identity;
using Steward.Ledger.Signing;

namespace Steward.Audit;

/// <summary>
/// The ledger as people and their tools read it, through the API and the web UI alike: every
/// method needs the read-ledger permission, and a refusal is itself a ledger entry
/// (<see cref="AccessControl"/>). The reading is <see cref="AuditService"/>'s, which the
/// server's own background work uses without a principal.
/// </summary>
public sealed class LedgerService(AuditService audit, ILedgerStore store, TreeHeadSigner signer, AccessControl access)
{
    /// <summary>The action a refused read is recorded under.</summary>
    public const string ReadAction = "ledger.read";

    /// <summary>Whether the current principal may read the ledger (to offer it, not to guard it).</summary>
    public bool CanRead => access.Principal.Holds(Permission.ReadLedger);

    /// <summary>Refuses (403, recorded) a principal who may not read the ledger; before any input is looked at.</summary>
    public Task DemandReadAsync(CancellationToken cancellationToken) =>
        access.DemandAsync(Permission.ReadLedger, ReadAction, AuditResources.Ledger, cancellationToken);

    /// <summary>The log key: its id, and its public key as base64 DER and as PEM.</summary>
    public async Task<LedgerKey> GetKeyAsync(CancellationToken cancellationToken)
    {
        await DemandReadAsync(cancellationToken);
        return new LedgerKey(signer.KeyId, signer.PublicKeyBase64, signer.PublicKeyPem);
    }

    /// <summary>The number of entries committed so far.</summary>
    public async Task<long> GetSizeAsync(CancellationToken cancellationToken)
    {
        await DemandReadAsync(cancellationToken);
        return (await store.GetStateAsync(cancellationToken)).TreeSize;
    }

    /// <inheritdoc cref="AuditService.GetHeadAsync"/>
    public async Task<SignedTreeHead> GetHeadAsync(CancellationToken cancellationToken)
    {
        await DemandReadAsync(cancellationToken);
        return await audit.GetHeadAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="head"/> was signed by this server's log key.</summary>
    public bool IsOwnHead(SignedTreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return head.IsSignedBy(signer.PublicKey);
    }

    /// <inheritdoc cref="AuditService.ListEntriesAsync"/>
    public async Task<AuditPage> ListEntriesAsync(long? start, long? end, AuditEntryQuery filters, int? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        await DemandReadAsync(cancellationToken);
        return await audit.ListEntriesAsync(start, end, filters, maxResults, pageToken, cancellationToken);
    }

    /// <summary>The latest <paramref name="count"/> entries, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListLatestAsync(int count, CancellationToken cancellationToken)
    {
        var size = await GetSizeAsync(cancellationToken);
        return (await audit.ListEntriesAsync(Math.Max(0, size - count), null, new AuditEntryQuery(0, null, 0), count, null, cancellationToken)).Entries;
    }

    /// <inheritdoc cref="AuditService.InclusionProofAsync"/>
    public async Task<(byte[] LeafHash, byte[][] Path)> InclusionProofAsync(long? index, long? treeSize, CancellationToken cancellationToken)
    {
        await DemandReadAsync(cancellationToken);
        return await audit.InclusionProofAsync(index, treeSize, cancellationToken);
    }

    /// <inheritdoc cref="AuditService.ConsistencyProofAsync"/>
    public async Task<byte[][]> ConsistencyProofAsync(long? first, long? second, CancellationToken cancellationToken)
    {
        await DemandReadAsync(cancellationToken);
        return await audit.ConsistencyProofAsync(first, second, cancellationToken);
    }

    /// <summary>Recomputes the whole stored log and checks every signed head against this server's log key (<see cref="LedgerVerifier"/>).</summary>
    public async Task<LedgerVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await DemandReadAsync(cancellationToken);
        return await LedgerVerifier.VerifyStoreAsync(store, signer.PublicKey, cancellationToken);
    }
}

