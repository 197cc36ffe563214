namespace Steward.Tracking;

/// <summary>
/// One measurement of a run. <see cref="Value"/> may be NaN or ±Infinity; they are stored and
/// returned as such. <see cref="Timestamp"/> is Unix milliseconds.
/// </summary>
public sealed record Metric(string Key, double Value, long Timestamp, long Step)
{
    /// <summary>
    /// True when this point supersedes <paramref name="other"/> as the run's latest value:
    /// the greatest (step, timestamp, value) wins, as in MLflow.
    /// </summary>
    public bool IsLaterThan(Metric other)
    {
        if (Step != other.Step) return Step > other.Step;
        if (Timestamp != other.Timestamp) return Timestamp > other.Timestamp;
        return Value.CompareTo(other.Value) > 0;
    }
}
