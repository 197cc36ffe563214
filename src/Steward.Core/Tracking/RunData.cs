namespace Steward.Tracking;

/// <summary>What a run logged: the latest value of each metric, its params and its tags.</summary>
public sealed record RunData(IReadOnlyList<Metric> Metrics, IReadOnlyList<Param> Params, IReadOnlyList<Tag> Tags)
{
    public static RunData Empty { get; } = new([], [], []);
}
