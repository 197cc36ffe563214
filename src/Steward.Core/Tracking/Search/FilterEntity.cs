namespace Steward.Tracking.Search;

/// <summary>What a search identifier refers to: <c>metrics.acc</c> is a metric, <c>status</c> an attribute.</summary>
public enum FilterEntity
{
    Metric,
    Param,
    Tag,
    Attribute,
    Dataset,
}
