using System.Reflection;
using Xunit.Sdk;

namespace Steward.Server.Tests.Support;

/// <summary>The metadata database a test server runs on.</summary>
public enum Backend
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Feeds a theory every backend available here: SQLite always, PostgreSQL too when
/// <c>STEWARD_TEST_POSTGRES</c> names a server (a maintenance connection string).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BackendsAttribute : DataAttribute
{
    public const string PostgresVariable = "STEWARD_TEST_POSTGRES";

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Backend.Sqlite];
        if (PostgresConnectionString is not null) yield return [Backend.Postgres];
    }
}
