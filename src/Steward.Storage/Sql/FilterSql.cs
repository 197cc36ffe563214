using Dapper;
using Steward.Tracking.Search;

namespace Steward.Storage.Sql;

/// <summary>
/// Accumulates the pieces of one search statement: joins, WHERE conditions, ORDER BY terms and
/// parameters. Every value from a filter is bound as a parameter; only column expressions the
/// translators choose from fixed tables ever reach the SQL text.
/// </summary>
internal sealed class FilterSql(SqlDialect dialect)
{
    private int _next;

    public DynamicParameters Args { get; } = new();

    public List<string> Joins { get; } = [];

    public List<string> Conditions { get; } = [];

    public List<string> Order { get; } = [];

    public SqlDialect Dialect => dialect;

    /// <summary>Binds a value and returns its placeholder (@p0x, @p1x...: no name is a prefix of another).</summary>
    public string Arg(object? value)
    {
        var name = $"p{_next++}x";
        Args.Add(name, value);
        return "@" + name;
    }

    /// <summary>A fresh alias for a joined table (o0, o1...).</summary>
    public string Alias(string prefix) => $"{prefix}{_next++}";

    /// <summary>The SQL for <c>expression comparator value</c> from a parsed clause.</summary>
    public string Compare(string expression, FilterClause clause) => clause.Comparator switch
    {
        Comparator.Equal => $"{expression} = {Value(clause)}",
        Comparator.NotEqual => $"{expression} <> {Value(clause)}",
        Comparator.Greater => $"{expression} > {Value(clause)}",
        Comparator.GreaterOrEqual => $"{expression} >= {Value(clause)}",
        Comparator.Less => $"{expression} < {Value(clause)}",
        Comparator.LessOrEqual => $"{expression} <= {Value(clause)}",
        Comparator.Like => dialect.Like(expression, Arg(dialect.LikePattern(clause.Text ?? ""))),
        Comparator.ILike => dialect.ILike(expression, Arg(clause.Text ?? "")),
        Comparator.In => $"{expression} {dialect.InList(Arg(dialect.ListValue((clause.List ?? []).ToArray())))}",
        Comparator.NotIn => $"NOT ({expression} {dialect.InList(Arg(dialect.ListValue((clause.List ?? []).ToArray())))})",
        _ => throw new ArgumentOutOfRangeException(nameof(clause)),
    };

    /// <summary>Orders by an expression with rows lacking a value last, whichever the direction.</summary>
    public void OrderBy(string expression, bool ascending) =>
        Order.Add($"CASE WHEN {expression} IS NULL THEN 1 ELSE 0 END, {expression} {(ascending ? "ASC" : "DESC")}");

    /// <summary>Marks where in a FROM clause the conditions go, when they belong inside it rather than in a WHERE clause.</summary>
    public const string ConditionsPlaceholder = "{conditions}";

    /// <summary>Joins, conditions, order, then LIMIT and OFFSET (rows, not a page size: callers ask one extra row to know if more exist).</summary>
    public string Build(string select, string from, int limit, int offset)
    {
        var sql = From(select, from);
        if (Order.Count > 0) sql.Append("\nORDER BY ").AppendJoin(", ", Order);
        sql.Append($"\nLIMIT {Arg(limit)} OFFSET {Arg(offset)}");
        return sql.ToString();
    }

    /// <summary>COUNT(*) over the same joins and conditions.</summary>
    public string BuildCount(string from) => From("SELECT COUNT(*)", from).ToString();

    private System.Text.StringBuilder From(string select, string from)
    {
        var inside = from.Contains(ConditionsPlaceholder, StringComparison.Ordinal);
        if (inside) from = from.Replace(ConditionsPlaceholder, Conditions.Count > 0 ? string.Join("\n  AND ", Conditions) : "TRUE", StringComparison.Ordinal);
        var sql = new System.Text.StringBuilder(select).Append(" FROM ").Append(from);
        foreach (var join in Joins) sql.Append('\n').Append(join);
        if (!inside && Conditions.Count > 0) sql.Append("\nWHERE ").AppendJoin("\n  AND ", Conditions);
        return sql;
    }

    private string Value(FilterClause clause) => Arg(clause.Number is { } number ? number : clause.Text);
}
