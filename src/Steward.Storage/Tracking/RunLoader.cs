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
        var keys = rows.Select(r => r.RunKey).ToArray();
        using var grid = await session.QueryMultipleAsync(SqlText.Get(session.Dialect, "Tracking.load_run_data"), new { keys = session.Dialect.ListValue(keys) });
        var metrics = (await grid.ReadAsync<MetricRow>()).ToLookup(m => m.RunKey);
        var parameters = (await grid.ReadAsync<RunKeyValueRow>()).ToLookup(p => p.RunKey);
        var tags = (await grid.ReadAsync<RunKeyValueRow>()).ToLookup(t => t.RunKey);
        var datasets = (await grid.ReadAsync<DatasetRow>()).ToLookup(d => d.RunKey);
        var inputTags = (await grid.ReadAsync<InputTagRow>()).ToLookup(t => (t.RunKey, t.DatasetUuid));

        return rows.Select(row => new Run(
            row.ToInfo(),
            new RunData(
                metrics[row.RunKey].Select(m => m.ToMetric()).ToList(),
                parameters[row.RunKey].Select(p => new Param(p.Key, p.Value)).ToList(),
                tags[row.RunKey].Select(t => new Tag(t.Key, t.Value)).ToList()),
            datasets[row.RunKey].Select(d => new DatasetInput(
                inputTags[(row.RunKey, d.DatasetUuid)].Select(t => new Tag(t.Key, t.Value)).ToList(),
                new Dataset(d.Name, d.Digest, d.SourceType, d.Source, d.DatasetSchema, d.Profile))).ToList()))
            .ToList();
    }
}
