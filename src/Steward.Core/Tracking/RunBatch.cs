namespace Steward.Tracking;

/// <summary>Metrics, params and tags written to one run together: all of them or none.</summary>
public sealed record RunBatch(IReadOnlyList<Metric> Metrics, IReadOnlyList<Param> Params, IReadOnlyList<Tag> Tags)
{
    public static RunBatch OfMetric(Metric metric) => new([metric], [], []);

    public static RunBatch OfParam(Param param) => new([], [param], []);

    public static RunBatch OfTag(Tag tag) => new([], [], [tag]);

    public int Count => Metrics.Count + Params.Count + Tags.Count;
}
