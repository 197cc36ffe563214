using System.Data.Common;
using Npgsql;

namespace Steward.Storage.Sql;

internal sealed class PostgresDialect : SqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    public override string Name => "Postgres";

    // Dapper passes arrays to Npgsql as native array parameters.
    public override string InList(string parameter) => $"= ANY({parameter})";

    public override object ListValue<T>(T[] values) => values;

    // The runs come from a LATERAL subquery that OFFSET 0 keeps from being merged into the
    // outer query, so the planner has one way to join: a nested loop driven by the index walk
    // (which stops at the page's end, the search's LIMIT being the outer query's), with the
    // conditions checked per run by a few index probes. It cannot turn the conditions into
    // hash joins over every run, as it did when a filter looked more selective than it was.
    // The innermost subquery reads the run by its key alone: given the conditions too, the
    // planner read a whole experiment per step when statistics did not know the experiment.
    public override string RankedRuns(string key) => $"""
        latest_metrics s JOIN LATERAL (
            SELECT * FROM (SELECT * FROM runs WHERE run_key = s.run_key OFFSET 0) r
            WHERE {FilterSql.ConditionsPlaceholder} OFFSET 0) r
        ON s.key = {key} AND s.is_nan = 0
        """;

    // As RankedRuns, over runs_by_experiment_start_time: the planner has one way to join, a
    // nested loop driven by the index walk, which stops at the page's end. Left to itself it
    // joined the filters to every run of the experiment and sorted them all (measured: 12 ms
    // at 10,000 runs, growing with the experiment). A filter that few runs pass still reads
    // the whole experiment, one run at a time, as the ranked walk does.
    public override string RunsByStartTime(string experiment) => $"""
        runs s JOIN LATERAL (
            SELECT * FROM (SELECT * FROM runs WHERE run_key = s.run_key OFFSET 0) r
            WHERE {FilterSql.ConditionsPlaceholder} OFFSET 0) r
        ON s.experiment_id = {experiment}
        """;

    public override string ForUpdate => "FOR UPDATE";

    public override string Like(string expression, string parameter) => $"{expression} LIKE {parameter}";

    public override string ILike(string expression, string parameter) => $"{expression} ILIKE {parameter}";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
