using System.Collections.Concurrent;

namespace Steward.Server.Identity;

/// <summary>
/// Counts failed authentications per client address and turns an address away for the rest of
/// the minute once it has failed <see cref="MaxFailures"/> times in it. Guessing passwords or
/// tokens is slowed to a crawl, and since every password check is a deliberate PBKDF2 (about a
/// third of a second of CPU), an unauthenticated client cannot keep the server's cores busy.
/// </summary>
/// <remarks>
/// Per server process: several servers on one database each count their own. Requests that carry
/// no credentials are not counted; only credentials that were presented and failed.
/// </remarks>
internal sealed class FailedAuthenticationThrottle(TimeProvider clock)
{
    /// <summary>Failed authentications an address may make within one <see cref="Window"/>.</summary>
    public const int MaxFailures = 20;

    /// <summary>The span failures are counted over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int MaxAddresses = 100_000;

    private readonly ConcurrentDictionary<string, Failures> _byAddress = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="address"/> must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        var now = clock.GetUtcNow();
        if (!_byAddress.TryGetValue(address, out var failures) || failures.WindowEnds <= now) return null;
        return failures.Count >= MaxFailures ? failures.WindowEnds - now : null;
    }

    /// <summary>Counts one failed authentication from <paramref name="address"/>.</summary>
    public void RecordFailure(string address)
    {
        var now = clock.GetUtcNow();
        if (_byAddress.Count >= MaxAddresses) DropExpired(now);
        _byAddress.AddOrUpdate(address,
            _ => new Failures(now + Window, 1),
            (_, current) => current.WindowEnds <= now ? new Failures(now + Window, 1) : current with { Count = current.Count + 1 });
    }

    private void DropExpired(DateTimeOffset now)
    {
        foreach (var (address, failures) in _byAddress)
        {
            if (failures.WindowEnds <= now) _byAddress.TryRemove(address, out _);
        }
    }

    private sealed record Failures(DateTimeOffset WindowEnds, int Count);
}
