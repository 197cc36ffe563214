using System.Text.Json.Nodes;
using Steward.Audit;

namespace Steward.Storage.Tests.Support;

/// <summary>
/// The changes store contract tests write under, as a service would describe its operation:
/// actor <c>store-test</c>, action <c>test.write</c> unless a test names its own. Each has a
/// payload of its own: two entries equal in every field (same millisecond) could be swapped
/// without any hash changing, and tests that swap rows would see nothing.
/// </summary>
public static class TestChanges
{
    public static readonly ICurrentActor Actor = new TestActor();

    private static long _changes;

    /// <summary>A fresh change with action <paramref name="action"/>.</summary>
    public static AuditedChange Change(string action = "test.write") =>
        AuditedChange.Of(Actor, action, "test/store", new JsonObject { ["change"] = Interlocked.Increment(ref _changes) });

    private sealed class TestActor : ICurrentActor
    {
        public string Name => "store-test";
    }
}
