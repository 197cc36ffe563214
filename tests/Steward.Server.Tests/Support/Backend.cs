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
/// Feeds a theory both backends. The PostgreSQL case always exists: where <c>STEWARD_TEST_POSTGRES</c>
/// names no server, <see cref="TestServer.StartAsync"/> reports it skipped with that reason, so a
/// run without PostgreSQL shows what it did not check. Use it with <c>[SkippableTheory]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BackendsAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Backend.Sqlite];
        yield return [Backend.Postgres];
    }

    /// <summary>Skips the running test when <paramref name="backend"/> is PostgreSQL and no server is configured.</summary>
    public static void SkipUnavailable(Backend backend) =>
        Xunit.Skip.If(backend == Backend.Postgres && Environment.GetEnvironmentVariable(TestPostgres.Variable) is not { Length: > 0 },
            $"{TestPostgres.Variable} is not set, so this PostgreSQL case did not run; ./scripts/test.sh starts a PostgreSQL server and sets it.");
}
