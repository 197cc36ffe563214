using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    /// <summary>Reads the ledger's current signed tree head.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The head; verify its signature with the published public key.</returns>
    public Task<LedgerHead> GetLedgerHeadAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Api + "audit/head", Json.LedgerHead, cancellationToken);

    /// <summary>Reads the key that signs the ledger's heads (compare its id with the one you were given out of band).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key id and public key.</returns>
    public Task<LedgerKey> GetLedgerKeyAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Api + "audit/key", Json.LedgerKey, cancellationToken);

    /// <summary>Reads the proof that the tree of <paramref name="second"/> entries extends the tree of <paramref name="first"/>.</summary>
    /// <param name="first">The smaller size, at least 1.</param>
    /// <param name="second">The larger size, at most the current size.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The proof (RFC 9162 §2.1.4).</returns>
    public Task<LedgerConsistencyProof> GetLedgerConsistencyProofAsync(long first, long second, CancellationToken cancellationToken = default) =>
        GetAsync(new QueryString(Api + "audit/proof/consistency").Add("first", first).Add("second", second).ToString(), Json.LedgerConsistencyProof, cancellationToken);

    /// <summary>Reads one page of ledger entries.</summary>
    /// <param name="search">Range and filters; every entry when null.</param>
    /// <param name="pageToken">The previous page's token, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page.</returns>
    public Task<LedgerEntryPage> ListLedgerEntriesAsync(LedgerEntrySearch? search = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        search ??= new LedgerEntrySearch();
        var path = new QueryString(Api + "audit/entries")
            .Add("start", search.Start)
            .Add("end", search.End)
            .Add("resource", search.Resource)
            .Add("actor", search.Actor)
            .Add("action", search.Action)
            .Add("since", LedgerTime(search.Since))
            .Add("until", LedgerTime(search.Until))
            .Add("maxResults", search.MaxResults)
            .Add("pageToken", pageToken);
        return GetAsync(path.ToString(), Json.LedgerEntryPage, cancellationToken);
    }

    /// <summary>ISO 8601 UTC with milliseconds, as the ledger writes its times.</summary>
    private static string? LedgerTime(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
