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

    public override string OrderedJoin => "JOIN";

    public override string ForUpdate => "FOR UPDATE";

    public override string Like(string expression, string parameter) => $"{expression} LIKE {parameter}";

    public override string ILike(string expression, string parameter) => $"{expression} ILIKE {parameter}";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
