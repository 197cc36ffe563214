using Steward.Paging;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

internal sealed partial class SqlTrackingStore
{
    public Task<Page<Run>> SearchRunsAsync(RunQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var rows = await SearchRunRowsAsync(session, query);
            // Only the page's runs (not the look-ahead row) need their data loaded.
            var page = PageToken.Slice(rows, query.Offset, query.MaxResults);
            return new Page<Run>(await RunLoader.LoadAsync(session, page.Items), page.NextPageToken);
        }, cancellationToken);

    /// <summary>Up to MaxResults + 1 rows at the query's offset, in the search's full order.</summary>
    private static async Task<List<RunRow>> SearchRunRowsAsync(SqlSession session, RunQuery query)
    {
        var wanted = query.MaxResults + 1;
        if (!RunSearchSql.IsSplit(query))
        {
            var (sql, args) = RunSearchSql.Rows(session.Dialect, query, RunSearchPart.All, wanted, query.Offset);
            return await session.QueryAsync<RunRow>(sql, args);
        }

        var (rankedSql, rankedArgs) = RunSearchSql.Rows(session.Dialect, query, RunSearchPart.Ranked, wanted, query.Offset);
        var rows = await session.QueryAsync<RunRow>(rankedSql, rankedArgs);
        if (rows.Count == wanted) return rows;

        // The ranked runs end on this page. Where they end is known unless none were on it.
        long rankedTotal = query.Offset + rows.Count;
        if (rows.Count == 0)
        {
            var (countSql, countArgs) = RunSearchSql.CountRanked(session.Dialect, query);
            rankedTotal = await session.ScalarAsync<long>(countSql, countArgs);
        }

        var unrankedOffset = (int)Math.Max(0, query.Offset - rankedTotal);
        var (restSql, restArgs) = RunSearchSql.Rows(session.Dialect, query, RunSearchPart.Unranked, wanted - rows.Count, unrankedOffset);
        rows.AddRange(await session.QueryAsync<RunRow>(restSql, restArgs));
        return rows;
    }
}
