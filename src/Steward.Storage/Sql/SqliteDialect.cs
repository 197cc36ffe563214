using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Steward.Storage.Sql;

internal sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override string Name => "Sqlite";

    // One JSON parameter read by json_each: binding a page's 100 ids as 100 named parameters
    // in each statement cost ten times more than the queries themselves.
    public override string InList(string parameter) => $"IN (SELECT value FROM json_each({parameter}))";

    public override object ListValue<T>(T[] values) => JsonSerializer.Serialize(values);

    // CROSS JOIN keeps latest_metrics as the outer loop whatever the planner estimates.
    public override string RankedRuns(string key) =>
        $"latest_metrics s CROSS JOIN runs r ON r.run_key = s.run_key AND s.key = {key} AND s.is_nan = 0";

    // One writer connection serializes every write transaction, so no row locks are needed.

    public override string ForUpdate => "";

    // SQLite's LIKE ignores ASCII case; GLOB is its case-sensitive matcher, so a case-sensitive
    // LIKE becomes a GLOB over a translated pattern. This needs no per-connection pragma.
    public override string Like(string expression, string parameter) => $"{expression} GLOB {parameter}";

    public override string ILike(string expression, string parameter) => $"{expression} LIKE {parameter}";

    /// <summary>Translates a LIKE pattern to GLOB: % → *, _ → ?, and GLOB's own wildcards become literal.</summary>
    public override string LikePattern(string pattern)
    {
        var glob = new StringBuilder(pattern.Length + 8);
        foreach (var c in pattern)
        {
            glob.Append(c switch
            {
                '%' => "*",
                '_' => "?",
                '*' => "[*]",
                '?' => "[?]",
                '[' => "[[]",
                _ => c.ToString(),
            });
        }

        return glob.ToString();
    }

    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}
