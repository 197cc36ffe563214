using Steward.Tracking;

namespace Steward.Web.Runs;

/// <summary>
/// One page of the run table: the runs, and the metric and param columns worth showing (the keys
/// the page's runs logged, the sorted-by key first). Built from one search, so the page costs
/// what the API's search of the same page costs.
/// </summary>
public sealed record RunTable(IReadOnlyList<Run> Runs, IReadOnlyList<string> MetricKeys, IReadOnlyList<string> ParamKeys, string? NextPageToken)
{
    /// <summary>Columns shown at most, so a run that logged hundreds of keys keeps the table readable.</summary>
    public const int MaxMetricColumns = 8;

    /// <inheritdoc cref="MaxMetricColumns"/>
    public const int MaxParamColumns = 6;

    /// <summary>Rows per page unless the visitor asks for another size.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The most rows a page shows.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The sort when none is chosen: newest first, as MLflow lists runs.</summary>
    public const string DefaultOrder = "attributes.start_time DESC";

    /// <summary>Searches one page with MLflow's filter and order syntax through <see cref="TrackingService.SearchRunsAsync"/>.</summary>
    public static async Task<RunTable> LoadAsync(
        TrackingService tracking, IReadOnlyList<string> experimentIds, string? filter, string? order, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        var orderBy = string.IsNullOrWhiteSpace(order) ? [DefaultOrder] : new[] { order.Trim() };
        var page = await tracking.SearchRunsAsync(experimentIds, string.IsNullOrWhiteSpace(filter) ? null : filter, orderBy, ViewType.ActiveOnly,
            Math.Clamp(pageSize, 1, MaxPageSize), string.IsNullOrEmpty(pageToken) ? null : pageToken, cancellationToken);
        var sorted = SortColumn.Parse(orderBy[0]);
        return new RunTable(
            page.Items,
            Columns(page.Items.SelectMany(r => r.Data.Metrics.Select(m => m.Key)), sorted is { Entity: "metrics" } ? sorted.Key : null, MaxMetricColumns),
            Columns(page.Items.SelectMany(r => r.Data.Params.Select(p => p.Key)), sorted is { Entity: "params" } ? sorted.Key : null, MaxParamColumns),
            page.NextPageToken);
    }

    private static List<string> Columns(IEnumerable<string> keys, string? first, int max)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (first is not null && distinct.Remove(first)) distinct.Insert(0, first);
        return distinct.Take(max).ToList();
    }
}
