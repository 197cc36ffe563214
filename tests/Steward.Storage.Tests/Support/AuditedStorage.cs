using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Storage.Tests.Support;

/// <summary>
/// The stores of a <see cref="StewardStorage"/> as the store contract tests call them: directly,
/// with no service in between. Stores whose writes take their <see cref="AuditedChange"/> are
/// given one by each test (<see cref="TestChange"/>); the others still find their entry in an
/// ambient scope, so each call to them runs in a scope of its own (action <c>test.&lt;method&gt;</c>),
/// the way a service would open one.
/// </summary>
public sealed class AuditedStorage(StewardStorage storage) : IAsyncDisposable
{
    public StewardStorage Inner => storage;

    public ITrackingStore Tracking => storage.Tracking;

    /// <summary>Unwrapped: its writes take their change explicitly (<see cref="TestChange"/>).</summary>
    public IRegistryStore Registry => storage.Registry;

    public ILoggedModelStore LoggedModels => storage.LoggedModels;

    public IModelAuditStore ModelAudits => storage.ModelAudits;

    public IIdentityStore Identities => storage.Identities;

    public ILedgerStore Ledger => storage.Ledger;

    public ValueTask DisposeAsync() => storage.DisposeAsync();
}

/// <summary>Opens an audit scope around every call to <typeparamref name="T"/>.</summary>
public class AuditedProxy<T> : DispatchProxy
    where T : class
{
    public static readonly ICurrentActor Actor = new TestActor();

    private static long _calls;

    private T _target = null!;

    public static T Wrap(T target)
    {
        var proxy = Create<T, AuditedProxy<T>>();
        ((AuditedProxy<T>)(object)proxy)._target = target;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        // The store method reads the scope when it starts and keeps it across its awaits, so
        // the scope can be closed as soon as the call has returned its task. Each call gets a
        // payload of its own: two entries equal in every field (same millisecond) could be
        // swapped without any hash changing, and tests that swap rows would see nothing.
        var payload = new JsonObject { ["call"] = Interlocked.Increment(ref _calls) };
        using var audit = AuditScope.Begin(Actor, $"test.{targetMethod.Name}", "test/store", payload);
        try
        {
            return targetMethod.Invoke(_target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private sealed class TestActor : ICurrentActor
    {
        public string Name => "store-test";
    }
}
