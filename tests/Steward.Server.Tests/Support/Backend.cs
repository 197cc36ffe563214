using System.Reflection;
using Steward.Tests.Support;
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
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Backend.Sqlite];
        if (Environment.GetEnvironmentVariable(TestPostgres.Variable) is { Length: > 0 }) yield return [Backend.Postgres];
    }
}
