namespace Steward.Server.NativeApi.Contracts;

/// <summary>One page of a list; pass <c>nextPageToken</c> back as <c>pageToken</c> for the next, absent on the last page.</summary>
internal sealed record ListResponse<T>(IReadOnlyList<T> Items, string? NextPageToken);
