using Dapper;
using Steward.Storage.Sql;
using Steward.Tracking;
using Steward.Tracking.Search;

namespace Steward.Storage.Tracking;

/// <summary>Translates experiment searches to SQL.</summary>
internal static class ExperimentSearchSql
{
    private static readonly Dictionary<string, string> ExperimentColumns = new(StringComparer.Ordinal)
    {
        ["name"] = "e.name",
        ["experiment_id"] = "e.experiment_id",
        ["creation_time"] = "e.creation_time",
        ["last_update_time"] = "e.last_update_time",
    };

    public static (string Sql, DynamicParameters Args) Experiments(SqlDialect dialect, ExperimentQuery query)
    {
        var q = new FilterSql(dialect);
        RunSearchSql.AddLifecycle(q, "e.lifecycle_stage", query.ViewType);
        foreach (var clause in query.Filter)
        {
            q.Conditions.Add(clause.Entity == FilterEntity.Tag
                ? $"EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.experiment_id AND t.key = {q.Arg(clause.Key)} AND {q.Compare("t.value", clause)})"
                : q.Compare(ExperimentColumns[clause.Key], clause));
        }

        foreach (var order in query.OrderBy)
        {
            q.OrderBy(ExperimentColumns[order.Key], order.Ascending);
        }

        if (query.OrderBy.Count == 0) q.Order.Add("e.creation_time DESC");
        q.Order.Add("e.experiment_id ASC");
        var select = "SELECT e.experiment_id, e.name, e.artifact_location, e.lifecycle_stage, e.creation_time, e.last_update_time, e.domain";
        return (q.Build(select, "experiments e", query.MaxResults + 1, query.Offset), q.Args);
    }
}
