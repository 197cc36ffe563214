using Steward.Errors;

namespace Steward.Tracking;

public sealed partial class TrackingService
{
    /// <summary>
    /// The ids of runs starting with <paramref name="prefix"/> (4 to 32 hex digits, any case), in
    /// order: what lets people name a run by the first characters of its id, as git does commits.
    /// </summary>
    public Task<IReadOnlyList<string>> FindRunIdsAsync(string? prefix, long? maxResults, CancellationToken cancellationToken)
    {
        Validation.Required(prefix, "idPrefix");
        if (prefix!.Length is < Limits.MinRunIdPrefixLength or > Limits.MaxRunIdPrefixLength || !prefix.All(char.IsAsciiHexDigit))
        {
            throw StewardException.Invalid(
                $"Invalid value '{prefix}' for parameter 'idPrefix': expected {Limits.MinRunIdPrefixLength} to {Limits.MaxRunIdPrefixLength} hexadecimal digits.");
        }

        var limit = Validation.MaxResults(maxResults, Limits.DefaultRunIdPrefixResults, Limits.MaxRunIdPrefixResults);
        // Run ids are lowercase hex (Guid "N"), so the prefix is compared in lowercase.
        return store.FindRunIdsAsync(prefix.ToLowerInvariant(), limit, cancellationToken);
    }
}
