using Dapper;
using Steward.Storage.Sql;
using Steward.Tracking;
using Steward.Tracking.Search;

namespace Steward.Storage.Tracking;

/// <summary>Translates run and experiment searches to SQL over the tracking tables.</summary>
internal static class SearchSql
{
    private static readonly Dictionary<string, string> RunColumns = new(StringComparer.Ordinal)
    {
        ["run_id"] = "r.run_uuid",
        ["run_name"] = "r.name",
        ["status"] = "r.status",
        ["user_id"] = "r.user_id",
        ["artifact_uri"] = "r.artifact_uri",
        ["start_time"] = "r.start_time",
        ["end_time"] = "r.end_time",
    };

    private static readonly Dictionary<string, string> ExperimentColumns = new(StringComparer.Ordinal)
    {
        ["name"] = "e.name",
        ["experiment_id"] = "e.experiment_id",
        ["creation_time"] = "e.creation_time",
        ["last_update_time"] = "e.last_update_time",
    };

    public static (string Sql, DynamicParameters Args) Runs(SqlDialect dialect, RunQuery query)
    {
        var q = new FilterSql(dialect);
        var experimentIds = query.ExperimentIds
            .Select(id => long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
            .OfType<long>().ToArray();
        if (query.ExperimentIds.Count > 0) q.Conditions.Add($"r.experiment_id {dialect.InList(q.Arg(experimentIds))}");
        AddLifecycle(q, "r.lifecycle_stage", query.ViewType);

        foreach (var clause in query.Filter)
        {
            q.Conditions.Add(clause.Entity switch
            {
                // NaN compares false with every number, so NaN points never match a comparison.
                FilterEntity.Metric => $"EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = {q.Arg(clause.Key)} AND m.is_nan = 0 AND {q.Compare("m.value", clause)})",
                FilterEntity.Param => $"EXISTS (SELECT 1 FROM params p WHERE p.run_uuid = r.run_uuid AND p.key = {q.Arg(clause.Key)} AND {q.Compare("p.value", clause)})",
                FilterEntity.Tag => $"EXISTS (SELECT 1 FROM tags t WHERE t.run_uuid = r.run_uuid AND t.key = {q.Arg(clause.Key)} AND {q.Compare("t.value", clause)})",
                FilterEntity.Dataset when clause.Key == "context" =>
                    $"EXISTS (SELECT 1 FROM input_tags it WHERE it.run_uuid = r.run_uuid AND it.key = {q.Arg("mlflow.data.context")} AND {q.Compare("it.value", clause)})",
                FilterEntity.Dataset =>
                    $"EXISTS (SELECT 1 FROM run_inputs i JOIN datasets d ON d.dataset_uuid = i.dataset_uuid WHERE i.run_uuid = r.run_uuid AND {q.Compare(clause.Key == "name" ? "d.name" : "d.digest", clause)})",
                _ => q.Compare(RunColumns[clause.Key], clause),
            });
        }

        foreach (var order in query.OrderBy)
        {
            switch (order.Entity)
            {
                case FilterEntity.Metric:
                    var m = q.Alias("o");
                    q.Joins.Add($"LEFT JOIN latest_metrics {m} ON {m}.run_uuid = r.run_uuid AND {m}.key = {q.Arg(order.Key)}");
                    // Numbers first, then NaN, then runs without the metric.
                    q.Order.Add($"CASE WHEN {m}.value IS NULL THEN 2 WHEN {m}.is_nan = 1 THEN 1 ELSE 0 END, {m}.value {(order.Ascending ? "ASC" : "DESC")}");
                    break;
                case FilterEntity.Param or FilterEntity.Tag:
                    var o = q.Alias("o");
                    q.Joins.Add($"LEFT JOIN {(order.Entity == FilterEntity.Param ? "params" : "tags")} {o} ON {o}.run_uuid = r.run_uuid AND {o}.key = {q.Arg(order.Key)}");
                    q.OrderBy($"{o}.value", order.Ascending);
                    break;
                default:
                    q.OrderBy(RunColumns[order.Key], order.Ascending);
                    break;
            }
        }

        // MLflow's default order, and the tie-breaker of every other.
        q.Order.Add("r.start_time DESC");
        q.Order.Add("r.run_uuid ASC");
        var select = "SELECT r.run_uuid, r.name, r.experiment_id, r.user_id, r.status, r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage";
        return (q.Build(select, "runs r", query.MaxResults, query.Offset), q.Args);
    }

    public static (string Sql, DynamicParameters Args) Experiments(SqlDialect dialect, ExperimentQuery query)
    {
        var q = new FilterSql(dialect);
        AddLifecycle(q, "e.lifecycle_stage", query.ViewType);
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
        var select = "SELECT e.experiment_id, e.name, e.artifact_location, e.lifecycle_stage, e.creation_time, e.last_update_time";
        return (q.Build(select, "experiments e", query.MaxResults, query.Offset), q.Args);
    }

    private static void AddLifecycle(FilterSql q, string column, ViewType viewType)
    {
        if (viewType == ViewType.All) return;
        q.Conditions.Add($"{column} = {q.Arg(viewType == ViewType.ActiveOnly ? Lifecycle.Active : Lifecycle.Deleted)}");
    }
}
