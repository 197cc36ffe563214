namespace Steward.Tracking;

public sealed class MetricTests
{
    [Fact]
    public void greater_step_wins_over_a_later_timestamp()
    {
        Assert.True(new Metric("m", 0, Timestamp: 1, Step: 2).IsLaterThan(new Metric("m", 9, Timestamp: 5, Step: 1)));
    }

    [Fact]
    public void on_equal_step_the_later_timestamp_wins_then_the_greater_value()
    {
        Assert.True(new Metric("m", 0, 6, 1).IsLaterThan(new Metric("m", 9, 5, 1)));
        Assert.True(new Metric("m", 2, 5, 1).IsLaterThan(new Metric("m", 1, 5, 1)));
        Assert.False(new Metric("m", 1, 5, 1).IsLaterThan(new Metric("m", 1, 5, 1)));
    }
}
