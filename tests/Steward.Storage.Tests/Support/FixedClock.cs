namespace Steward.Storage.Tests.Support;

/// <summary>A clock that always reads <paramref name="at"/>: what stores stamp, made visible.</summary>
internal sealed class FixedClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}
