using Steward.Paging;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

internal sealed partial class SqlTrackingStore
{
    public Task<Page<Run>> SearchRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        var (sql, args) = SearchSql.Runs(Dialect, query);
        return database.ReadAsync(async session =>
        {
            var rows = await session.QueryAsync<RunRow>(sql, args);
            // Only the page's runs (not the look-ahead row) need their data loaded.
            var page = PageToken.Slice(rows, query.Offset, query.MaxResults);
            return new Page<Run>(await RunLoader.LoadAsync(session, page.Items), page.NextPageToken);
        }, cancellationToken);
    }
}
