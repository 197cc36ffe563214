using System.Text.Json.Nodes;
using Steward.Audit;

namespace Steward.Storage.Tests.Support;

/// <summary>
/// The ledger entry a store contract test hands a write, as a service would: action
/// <c>test.store</c> by <c>store-test</c>. Each change has a payload of its own: two entries equal
/// in every field (same millisecond) could be swapped without any hash changing, and tests that
/// swap rows would see nothing.
/// </summary>
public static class TestChange
{
    private static long _calls;

    public static ICurrentActor Actor { get; } = new TestActor();

    /// <summary>A change for one store write.</summary>
    public static AuditedChange Next() =>
        AuditedChange.Of(Actor, "test.store", "test/store", new JsonObject { ["call"] = Interlocked.Increment(ref _calls) });

    private sealed class TestActor : ICurrentActor
    {
        public string Name => "store-test";
    }
}
