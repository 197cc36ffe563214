using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    /// <summary>Reads the ledger's current signed tree head.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The head; verify its signature with the published public key.</returns>
    public Task<LedgerHead> GetLedgerHeadAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Api + "audit/head", Json.LedgerHead, cancellationToken);

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
            .Add("maxResults", search.MaxResults)
            .Add("pageToken", pageToken);
        return GetAsync(path.ToString(), Json.LedgerEntryPage, cancellationToken);
    }
}
