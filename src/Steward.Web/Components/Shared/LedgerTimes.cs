using System.Globalization;
using Steward.Errors;

namespace Steward.Web.Components.Shared;

/// <summary>Reads the ledger filter's times: what a <c>datetime-local</c> field sends, taken as UTC, or any ISO 8601 time.</summary>
public static class LedgerTimes
{
    public static DateTimeOffset? Parse(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw StewardException.Invalid($"'{field}' must be a date and time such as 2026-01-31T14:00, got '{value}'.");
    }
}
