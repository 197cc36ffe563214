namespace Steward.Server.Tests.Support;

/// <summary>
/// The server's clock, moved by tests to make tokens expire (real time plus an offset), or held
/// still while a test's steps must all fall within one window however slowly a busy machine runs them.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;
    private long _heldAtTicks;

    public override DateTimeOffset GetUtcNow() =>
        Interlocked.Read(ref _heldAtTicks) is var held and not 0
            ? new DateTimeOffset(held, TimeSpan.Zero)
            : base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Stops the clock at the current instant until the result is disposed; then it runs on from real time.</summary>
    public IDisposable Hold()
    {
        Interlocked.Exchange(ref _heldAtTicks, GetUtcNow().UtcTicks);
        return new Release(this);
    }

    private sealed class Release(AdjustableClock clock) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref clock._heldAtTicks, 0);
    }
}
