using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>The governance stores' SQL files beside them (<see cref="SqlText"/>), by name: <c>insert_approval</c>.</summary>
internal static class GovernanceSql
{
    public static string Get(SqlSession session, string name) => SqlText.Get(session.Dialect, $"Governance.{name}");
}
