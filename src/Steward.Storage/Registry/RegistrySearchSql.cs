using Dapper;
using Steward.Registry;
using Steward.Storage.Sql;
using Steward.Tracking.Search;

namespace Steward.Storage.Registry;

/// <summary>
/// Translates registered-model and model-version searches to SQL. Built here rather than kept in
/// a .sql file: the conditions and order come from the query, and <see cref="FilterSql"/> writes
/// the few dialect differences (LIKE, ILIKE, lists).
/// </summary>
internal static class RegistrySearchSql
{
    private static readonly Dictionary<string, string> ModelColumns = new(StringComparer.Ordinal)
    {
        ["name"] = "rm.name",
        ["creation_timestamp"] = "rm.creation_time",
        ["last_updated_timestamp"] = "rm.last_updated_time",
    };

    private static readonly Dictionary<string, string> VersionColumns = new(StringComparer.Ordinal)
    {
        ["name"] = "rm.name",
        ["version_number"] = "v.version",
        ["run_id"] = "v.run_id",
        ["source"] = "v.source",
        ["current_stage"] = "v.current_stage",
        ["creation_timestamp"] = "v.creation_time",
        ["last_updated_timestamp"] = "v.last_updated_time",
    };

    public static (string Sql, DynamicParameters Args) Models(SqlDialect dialect, RegistryQuery query)
    {
        var q = new FilterSql(dialect);
        foreach (var clause in query.Filter)
        {
            q.Conditions.Add(clause.Entity == FilterEntity.Tag
                ? $"EXISTS (SELECT 1 FROM registered_model_tags t WHERE t.model_id = rm.model_id AND t.key = {q.Arg(clause.Key)} AND {q.Compare("t.value", clause)})"
                : q.Compare(ModelColumns[clause.Key], clause));
        }

        foreach (var order in query.OrderBy) q.OrderBy(ModelColumns[order.Key], order.Ascending);
        q.Order.Add("rm.name ASC");
        var select = $"SELECT {SqlRegistryStore.ModelColumns}";
        return (q.Build(select, "registered_models rm", query.MaxResults + 1, query.Offset), q.Args);
    }

    public static (string Sql, DynamicParameters Args) Versions(SqlDialect dialect, RegistryQuery query)
    {
        var q = new FilterSql(dialect);
        foreach (var clause in query.Filter)
        {
            q.Conditions.Add(clause.Entity == FilterEntity.Tag
                ? $"EXISTS (SELECT 1 FROM model_version_tags t WHERE t.model_id = v.model_id AND t.version = v.version AND t.key = {q.Arg(clause.Key)} AND {q.Compare("t.value", clause)})"
                : q.Compare(VersionColumns[clause.Key], clause));
        }

        foreach (var order in query.OrderBy) q.OrderBy(VersionColumns[order.Key], order.Ascending);
        q.Order.Add("rm.name ASC");
        q.Order.Add("v.version DESC");
        var select = $"SELECT {SqlRegistryStore.VersionColumns}";
        return (q.Build(select, "model_versions v JOIN registered_models rm ON rm.model_id = v.model_id", query.MaxResults + 1, query.Offset), q.Args);
    }
}
