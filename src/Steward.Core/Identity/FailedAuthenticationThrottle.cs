using System.Collections.Concurrent;

namespace Steward.Identity;

/// <summary>
/// Counts failed authentications per client address and, for passwords, per user name, over a
/// one-minute <see cref="Window"/>. Once a count reaches its limit the address or user name is
/// throttled for the rest of the window: credentials that can only be checked slowly are no
/// longer checked, and wrong ones are answered 429 instead of 401.
/// </summary>
/// <remarks>
/// <para>The rule: a valid credential is never refused because of anyone else's failures.
/// A token costs one SHA-256 and an indexed lookup, so it is always checked and a valid one is
/// always accepted, from any address, however often others failed; a token guess gains nothing
/// from throttling (256 bits). A password costs a deliberate PBKDF2, so a throttled address or
/// user name gets it checked only against the passwords this server recently verified (an
/// in-memory comparison); any other password waits out the window. An attacker guessing a user's
/// password can therefore delay that user's password sign-in for a minute at a time, but never
/// their tokens, and the server's cores never run more than the budgeted PBKDF2s.</para>
/// <para>The counts live in this server process, by design: a deployment of N replicas behind a
/// load balancer allows at most N times the budget. The client address is the one the connection
/// came from, or the one a trusted proxy forwarded (<c>--trusted-proxy</c>).</para>
/// </remarks>
public sealed class FailedAuthenticationThrottle(TimeProvider clock)
{
    /// <summary>Failed authentications an address may make within one <see cref="Window"/>.</summary>
    public const int MaxFailuresPerAddress = 20;

    /// <summary>Wrong passwords a user name may be sent within one <see cref="Window"/>, from all addresses together.</summary>
    public const int MaxFailuresPerUser = 10;

    /// <summary>The span failures are counted over.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Counts _byAddress = new(clock, MaxFailuresPerAddress);
    private readonly Counts _byUser = new(clock, MaxFailuresPerUser);

    /// <summary>How long <paramref name="address"/> must wait before slow checks resume, or null when it may try now.</summary>
    public TimeSpan? AddressRetryAfter(string address) => _byAddress.RetryAfter(address);

    /// <summary>How long passwords for <paramref name="userName"/> wait before they are checked again, or null.</summary>
    public TimeSpan? UserRetryAfter(string userName) => _byUser.RetryAfter(userName);

    /// <summary>Counts one failed authentication from <paramref name="address"/>, and against <paramref name="userName"/> when it was a password.</summary>
    public void RecordFailure(string address, string? userName = null)
    {
        _byAddress.Add(address);
        if (userName is not null) _byUser.Add(userName);
    }

    /// <summary>Failures per key within a window that starts at the first failure.</summary>
    private sealed class Counts(TimeProvider clock, int limit)
    {
        private const int MaxKeys = 100_000;

        private readonly ConcurrentDictionary<string, Failures> _byKey = new(StringComparer.Ordinal);

        public TimeSpan? RetryAfter(string key)
        {
            var now = clock.GetUtcNow();
            if (!_byKey.TryGetValue(key, out var failures) || failures.WindowEnds <= now) return null;
            return failures.Count >= limit ? failures.WindowEnds - now : null;
        }

        public void Add(string key)
        {
            var now = clock.GetUtcNow();
            if (_byKey.Count >= MaxKeys) DropExpired(now);
            _byKey.AddOrUpdate(key,
                _ => new Failures(now + Window, 1),
                (_, current) => current.WindowEnds <= now ? new Failures(now + Window, 1) : current with { Count = current.Count + 1 });
        }

        private void DropExpired(DateTimeOffset now)
        {
            foreach (var (key, failures) in _byKey)
            {
                if (failures.WindowEnds <= now) _byKey.TryRemove(key, out _);
            }
        }
    }

    private sealed record Failures(DateTimeOffset WindowEnds, int Count);
}
