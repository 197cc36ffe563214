using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Tracking;

/// <summary>
/// Loads the full data of a set of runs (latest metrics, params, tags, inputs) with one
/// round trip of set-based queries, so a page of 100 runs costs the same few statements as one.
/// </summary>
internal static class RunLoader
{
    public static async Task<List<Run>> LoadAsync(SqlSession session, IReadOnlyList<RunRow> rows)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.RunUuid).ToArray();
        using var grid = await session.QueryMultipleAsync(SqlText.Get(session.Dialect, "Tracking.load_run_data"), new { ids = session.Dialect.ListValue(ids) });
        var metrics = (await grid.ReadAsync<MetricRow>()).ToLookup(m => m.RunUuid);
        var parameters = (await grid.ReadAsync<KeyValueRow>()).ToLookup(p => p.OwnerId);
        var tags = (await grid.ReadAsync<KeyValueRow>()).ToLookup(t => t.OwnerId);
        var datasets = (await grid.ReadAsync<DatasetRow>()).ToLookup(d => d.RunUuid);
        var inputTags = (await grid.ReadAsync<InputTagRow>()).ToLookup(t => (t.RunUuid, t.DatasetUuid));

        return rows.Select(row => new Run(
            row.ToInfo(),
            new RunData(
                metrics[row.RunUuid].Select(m => m.ToMetric()).ToList(),
                parameters[row.RunUuid].Select(p => new Param(p.Key, p.Value)).ToList(),
                tags[row.RunUuid].Select(t => new Tag(t.Key, t.Value)).ToList()),
            datasets[row.RunUuid].Select(d => new DatasetInput(
                inputTags[(row.RunUuid, d.DatasetUuid)].Select(t => new Tag(t.Key, t.Value)).ToList(),
                new Dataset(d.Name, d.Digest, d.SourceType, d.Source, d.DatasetSchema, d.Profile))).ToList()))
            .ToList();
    }
}
