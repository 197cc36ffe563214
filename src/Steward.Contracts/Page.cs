namespace Steward.Contracts;

/// <summary>One page of a list; pass <see cref="NextPageToken"/> back as <c>pageToken</c> for the next page.</summary>
/// <typeparam name="T">The listed type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="NextPageToken">Pass it back to get the next page; absent (null) on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken);
