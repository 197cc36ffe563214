using System.Globalization;
using Dapper;
using Steward.Storage.Sql;
using Steward.Tracking;
using Steward.Tracking.Search;

namespace Steward.Storage.Tracking;

/// <summary>Which runs of a search one statement reads.</summary>
internal enum RunSearchPart
{
    /// <summary>Every matching run, in full order.</summary>
    All,

    /// <summary>Runs with a number for the first sort metric, in that metric's order.</summary>
    Ranked,

    /// <summary>Runs whose first sort metric is NaN (first) or missing (last).</summary>
    Unranked,
}

/// <summary>
/// Translates run searches to SQL. Sorting by a metric is split in two: runs that have a
/// number for it are read by walking the (key, is_nan, value) index in order, which stops as
/// soon as a page is full instead of sorting every run; the runs that lack it come after.
/// </summary>
internal static class RunSearchSql
{
    private const string Select = "SELECT r.run_key, r.run_uuid, r.name, r.experiment_id, r.user_id, r.status, r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage";

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

    /// <summary>True when the search sorts by a metric first, so it is read in two parts.</summary>
    public static bool IsSplit(RunQuery query) => query.OrderBy is [{ Entity: FilterEntity.Metric }, ..];

    public static (string Sql, DynamicParameters Args) Rows(SqlDialect dialect, RunQuery query, RunSearchPart part, int limit, int offset)
    {
        var (q, from) = Start(dialect, query, part);
        return (q.Build(Select, from, limit, offset), q.Args);
    }

    /// <summary>How many runs the ranked part holds (needed only when a page starts past its end).</summary>
    public static (string Sql, DynamicParameters Args) CountRanked(SqlDialect dialect, RunQuery query)
    {
        var (q, from) = Start(dialect, query, RunSearchPart.Ranked);
        q.Order.Clear();
        return (q.BuildCount(from), q.Args);
    }

    private static (FilterSql Query, string From) Start(SqlDialect dialect, RunQuery query, RunSearchPart part)
    {
        var q = new FilterSql(dialect);
        if (part == RunSearchPart.All && IsStartTimeOrder(query) && SingleExperiment(query) is { } experimentId
            && dialect.RunsByStartTime(q.Arg(experimentId)) is { } walk)
        {
            AddConditions(q, query, experimentInFrom: true);
            q.Order.Add("s.start_time DESC");
            q.Order.Add("s.run_uuid ASC");
            return (q, walk);
        }

        var from = "runs r";
        var orderBy = query.OrderBy;
        if (part != RunSearchPart.All)
        {
            var first = orderBy[0];
            orderBy = orderBy.Skip(1).ToList();
            var key = q.Arg(first.Key);
            if (part == RunSearchPart.Ranked)
            {
                from = dialect.RankedRuns(key);
                q.Order.Add($"s.value {(first.Ascending ? "ASC" : "DESC")}");
            }
            else
            {
                q.Joins.Add($"LEFT JOIN latest_metrics s ON s.run_key = r.run_key AND s.key = {key}");
                q.Conditions.Add("(s.value IS NULL OR s.is_nan = 1)");
                q.Order.Add("CASE WHEN s.value IS NULL THEN 1 ELSE 0 END");
            }
        }

        AddConditions(q, query);
        AddOrder(q, orderBy);
        // MLflow's default order, and the tie-breaker of every other.
        q.Order.Add("r.start_time DESC");
        q.Order.Add("r.run_uuid ASC");
        return (q, from);
    }

    /// <summary>MLflow's default order (none given, or start time newest first): the order <see cref="SqlDialect.RunsByStartTime"/> reads runs in.</summary>
    private static bool IsStartTimeOrder(RunQuery query) =>
        query.OrderBy is [] or [{ Entity: FilterEntity.Attribute, Key: "start_time", Ascending: false }];

    /// <summary>The experiment of a search in exactly one, by its integer key.</summary>
    private static long? SingleExperiment(RunQuery query) =>
        query.ExperimentIds is [var id] && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static void AddConditions(FilterSql q, RunQuery query, bool experimentInFrom = false)
    {
        var experimentIds = query.ExperimentIds
            .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
            .OfType<long>().ToArray();
        // One experiment (the usual search) stays an equality, so the planner can read runs in
        // start_time order straight from an index on (experiment_id, start_time) and stop at a page.
        if (experimentInFrom)
        {
            // The walk reads the experiment's runs itself.
        }
        else if (query.ExperimentIds.Count == 1 && experimentIds.Length == 1) q.Conditions.Add($"r.experiment_id = {q.Arg(experimentIds[0])}");
        else if (query.ExperimentIds.Count > 0) q.Conditions.Add($"r.experiment_id {q.Dialect.InList(q.Arg(q.Dialect.ListValue(experimentIds)))}");
        AddLifecycle(q, "r.lifecycle_stage", query.ViewType);

        foreach (var clause in query.Filter)
        {
            q.Conditions.Add(clause.Entity switch
            {
                // NaN compares false with every number, so NaN points never match a comparison.
                FilterEntity.Metric => $"EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_key = r.run_key AND m.key = {q.Arg(clause.Key)} AND m.is_nan = 0 AND {q.Compare("m.value", clause)})",
                FilterEntity.Param => $"EXISTS (SELECT 1 FROM params p WHERE p.run_key = r.run_key AND p.key = {q.Arg(clause.Key)} AND {q.Compare("p.value", clause)})",
                FilterEntity.Tag => $"EXISTS (SELECT 1 FROM tags t WHERE t.run_key = r.run_key AND t.key = {q.Arg(clause.Key)} AND {q.Compare("t.value", clause)})",
                FilterEntity.Dataset when clause.Key == "context" =>
                    $"EXISTS (SELECT 1 FROM input_tags it WHERE it.run_key = r.run_key AND it.key = {q.Arg("mlflow.data.context")} AND {q.Compare("it.value", clause)})",
                FilterEntity.Dataset =>
                    $"EXISTS (SELECT 1 FROM run_inputs i JOIN datasets d ON d.dataset_uuid = i.dataset_uuid WHERE i.run_key = r.run_key AND {q.Compare(clause.Key == "name" ? "d.name" : "d.digest", clause)})",
                _ => q.Compare(RunColumns[clause.Key], clause),
            });
        }
    }

    private static void AddOrder(FilterSql q, IEnumerable<OrderClause> orderBy)
    {
        foreach (var order in orderBy)
        {
            switch (order.Entity)
            {
                case FilterEntity.Metric:
                    var m = q.Alias("o");
                    q.Joins.Add($"LEFT JOIN latest_metrics {m} ON {m}.run_key = r.run_key AND {m}.key = {q.Arg(order.Key)}");
                    // Numbers first, then NaN, then runs without the metric.
                    q.Order.Add($"CASE WHEN {m}.value IS NULL THEN 2 WHEN {m}.is_nan = 1 THEN 1 ELSE 0 END, {m}.value {(order.Ascending ? "ASC" : "DESC")}");
                    break;
                case FilterEntity.Param or FilterEntity.Tag:
                    var o = q.Alias("o");
                    q.Joins.Add($"LEFT JOIN {(order.Entity == FilterEntity.Param ? "params" : "tags")} {o} ON {o}.run_key = r.run_key AND {o}.key = {q.Arg(order.Key)}");
                    q.OrderBy($"{o}.value", order.Ascending);
                    break;
                default:
                    q.OrderBy(RunColumns[order.Key], order.Ascending);
                    break;
            }
        }
    }

    internal static void AddLifecycle(FilterSql q, string column, ViewType viewType)
    {
        if (viewType == ViewType.All) return;
        q.Conditions.Add($"{column} = {q.Arg(viewType == ViewType.ActiveOnly ? Lifecycle.Active : Lifecycle.Deleted)}");
    }
}
