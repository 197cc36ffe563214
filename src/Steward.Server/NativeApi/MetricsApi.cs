using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Steward.Contracts;
using Steward.Tracking;

namespace Steward.Server.NativeApi;

/// <summary><c>/api/v1/runs/{id}/metrics</c>: the full history of one metric.</summary>
internal static class MetricsApi
{
    public static void MapMetricsApi(this RouteGroupBuilder api)
    {
        // Keys with slashes ("train/loss") arrive with %2F, which stays inside the one segment.
        api.MapGet("/runs/{id}/metrics/{key}/history", GetHistoryAsync);
    }

    private static async Task<JsonHttpResult<Page<MetricDto>>> GetHistoryAsync(TrackingService tracking, string id, string key, CancellationToken cancellationToken)
    {
        var history = await tracking.GetMetricHistoryAsync(id, Requests.RouteValue(key), cancellationToken);
        return ApiResults.Ok(new Page<MetricDto>(history.Select(m => m.ToDto()).ToList(), null), NativeJsonContext.Default.PageMetric);
    }
}
