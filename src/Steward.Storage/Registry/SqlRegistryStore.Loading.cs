using Dapper;
using Steward.Registry;
using Steward.Storage.Sql;
using Steward.Tracking;

namespace Steward.Storage.Registry;

internal sealed partial class SqlRegistryStore
{
    private static async Task<RegisteredModel?> LoadModelAsync(SqlSession session, string name)
    {
        var row = await FindModelAsync(session, name);
        return row is null ? null : (await LoadModelsAsync(session, [row]))[0];
    }

    private static async Task<ModelVersion?> LoadVersionAsync(SqlSession session, string name, int version)
    {
        var row = await FindVersionAsync(session, name, version);
        return row is null ? null : (await LoadVersionsAsync(session, [row]))[0];
    }

    /// <summary>Models with their tags, aliases and latest versions, in a few set-based queries.</summary>
    private static async Task<List<RegisteredModel>> LoadModelsAsync(SqlSession session, IReadOnlyList<ModelRow> rows)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.ModelId).ToArray();
        List<RegistryTagRow> tags;
        List<AliasRow> aliases;
        using (var grid = await session.QueryMultipleAsync(SqlText.Get(session.Dialect, "Registry.load_model_extras"), new { ids = session.Dialect.ListValue(ids) }))
        {
            tags = (await grid.ReadAsync<RegistryTagRow>()).AsList();
            aliases = (await grid.ReadAsync<AliasRow>()).AsList();
        }

        var latest = (await LatestVersionsAsync(session, ids)).ToLookup(v => v.Name);
        var tagsByModel = tags.ToLookup(t => t.ModelId);
        var aliasesByModel = aliases.ToLookup(a => a.ModelId);
        return rows.Select(r => new RegisteredModel(
            r.Name, r.CreationTime, r.LastUpdatedTime, r.UserId, r.Description,
            latest[r.Name].ToList(),
            tagsByModel[r.ModelId].Select(t => new Tag(t.Key, t.Value)).ToList(),
            aliasesByModel[r.ModelId].Select(a => new ModelAlias(a.Alias, a.Version)).ToList(),
            r.Domain)).ToList();
    }

    private static async Task<List<ModelVersion>> LatestVersionsAsync(SqlSession session, long[] modelIds)
    {
        var rows = await session.QueryAsync<VersionRow>(SqlText.Get(session.Dialect, "Registry.latest_versions"), new { ids = session.Dialect.ListValue(modelIds) });
        return await LoadVersionsAsync(session, rows);
    }

    /// <summary>Versions with their tags and aliases, in one round trip.</summary>
    private static async Task<List<ModelVersion>> LoadVersionsAsync(SqlSession session, IReadOnlyList<VersionRow> rows)
    {
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.ModelId).Distinct().ToArray();
        using var grid = await session.QueryMultipleAsync(SqlText.Get(session.Dialect, "Registry.load_version_extras"), new { ids = session.Dialect.ListValue(ids) });
        var tags = (await grid.ReadAsync<RegistryTagRow>()).ToLookup(t => (t.ModelId, t.Version));
        var aliases = (await grid.ReadAsync<AliasRow>()).ToLookup(a => (a.ModelId, a.Version));
        return rows.Select(r => r.ToVersion(
            tags[(r.ModelId, r.Version)].Select(t => new Tag(t.Key, t.Value)).ToList(),
            aliases[(r.ModelId, r.Version)].Select(a => a.Alias).ToList())).ToList();
    }
}
