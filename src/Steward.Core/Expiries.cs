using System.Globalization;
using Steward.Errors;

namespace Steward;

/// <summary>
/// The one reading of an expiry a user gives (a token's lifetime, a waiver's end): a duration
/// from now (<see cref="Durations"/>: <c>30d</c>, <c>12h</c>, ...), an ISO 8601 date or date-time (UTC when no offset
/// is given), or <c>never</c> where the caller allows it. Each caller applies its own maximum.
/// </summary>
public static class Expiries
{
    /// <summary>What an expiry may be, for messages.</summary>
    public const string Forms = "a duration such as 30d or 12h, or an ISO 8601 date or date-time such as 2027-03-31 or 2027-03-31T12:00:00Z";

    /// <summary>Reads a non-empty expiry given at <paramref name="now"/>.</summary>
    /// <param name="expires">What the user wrote.</param>
    /// <param name="now">The time a duration counts from.</param>
    /// <param name="allowNever">Whether <c>never</c> is accepted (tokens), or refused (waivers, which have a maximum).</param>
    /// <param name="field">The request field, for messages.</param>
    /// <returns>The moment it expires, in the future; null for <c>never</c>.</returns>
    /// <exception cref="StewardException">InvalidParameterValue naming <paramref name="field"/> for anything else.</exception>
    public static DateTimeOffset? Parse(string? expires, DateTimeOffset now, bool allowNever, string field = "expires")
    {
        var text = expires?.Trim() ?? "";
        if (text.Equals("never", StringComparison.OrdinalIgnoreCase))
        {
            return allowNever ? null : throw Invalid(expires, field, $"'never' is not allowed here; expected {Forms}");
        }

        if (Durations.TryParse(text, out var duration))
        {
            return duration <= DateTimeOffset.MaxValue - now ? now + duration : throw Invalid(expires, field, "it is too far in the future");
        }

        if (text.Length > 0 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            if (at <= now) throw Invalid(expires, field, $"it is not in the future (now is {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC)");
            return at;
        }

        throw Invalid(expires, field, $"expected {Forms}{(allowNever ? ", or never" : "")}");
    }

    /// <summary>An invalid-value error for an expiry, naming the field and why.</summary>
    public static StewardException Invalid(string? expires, string field, string reason) =>
        StewardException.Invalid($"Invalid value '{expires}' for '{field}': {reason}.");
}
