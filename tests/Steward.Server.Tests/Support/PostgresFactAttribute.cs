using Steward.Tests.Support;

namespace Steward.Server.Tests.Support;

/// <summary>A test about PostgreSQL alone (several servers on one database); skipped when <c>STEWARD_TEST_POSTGRES</c> names no server.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(TestPostgres.Variable) is not { Length: > 0 })
            Skip = $"{TestPostgres.Variable} is not set; ./scripts/test.sh starts a PostgreSQL server and sets it.";
    }
}
