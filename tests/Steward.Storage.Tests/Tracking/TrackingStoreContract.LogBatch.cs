using Steward.Errors;
using Steward.Tracking;

namespace Steward.Storage.Tests.Tracking;

public abstract partial class TrackingStoreContract
{
    [Fact]
    public async Task batch_writes_metrics_params_and_tags_together()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await LogAsync(run.Info.RunId,
            metrics: [new Metric("acc", 0.5, 10, 0), new Metric("acc", 0.7, 20, 1), new Metric("loss", 2.5, 10, 0)],
            parameters: [new Param("lr", "0.1"), new Param("depth", "3")],
            tags: [new Tag("team", "risk")]);

        var data = (await GetRunAsync(run.Info.RunId)).Data;
        Assert.Equal([new Metric("acc", 0.7, 20, 1), new Metric("loss", 2.5, 10, 0)], data.Metrics);
        Assert.Equal([new Param("depth", "3"), new Param("lr", "0.1")], data.Params);
        Assert.Contains(new Tag("team", "risk"), data.Tags);
    }

    [Fact]
    public async Task param_cannot_change_value_once_logged()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var id = run.Info.RunId;
        await LogAsync(id, parameters: [new Param("lr", "0.1")]);
        await LogAsync(id, parameters: [new Param("lr", "0.1")]);
        var error = await ThrowsAsync(ErrorCode.InvalidParameterValue, () => LogAsync(id, parameters: [new Param("lr", "0.2")]));
        Assert.Equal(
            $"Changing param values is not allowed. Param with key='lr' was already logged with value='0.1' for run ID='{id}'. Attempted logging new value '0.2'.",
            error.Message);
        Assert.Equal([new Param("lr", "0.1")], (await GetRunAsync(id)).Data.Params);
    }

    [Fact]
    public async Task rejected_batch_stores_nothing()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var id = run.Info.RunId;
        await LogAsync(id, parameters: [new Param("lr", "0.1")]);
        await ThrowsAsync(ErrorCode.InvalidParameterValue, () => LogAsync(id,
            metrics: [new Metric("acc", 1, 1, 0)],
            parameters: [new Param("fresh", "x"), new Param("lr", "0.2")],
            tags: [new Tag("t", "v")]));

        var data = (await GetRunAsync(id)).Data;
        Assert.Empty(data.Metrics);
        Assert.Equal([new Param("lr", "0.1")], data.Params);
        Assert.DoesNotContain(data.Tags, t => t.Key == "t");
        Assert.Empty(await Store.GetMetricHistoryAsync(id, "acc", None));
    }

    [Fact]
    public async Task identical_metric_points_are_stored_once()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var point = new Metric("m", 0.25, 100, 3);
        await LogAsync(run.Info.RunId, metrics: [point, point]);
        await LogAsync(run.Info.RunId, metrics: [point, point with { Value = 0.5 }]);
        var history = await Store.GetMetricHistoryAsync(run.Info.RunId, "m", None);
        Assert.Equal([point, point with { Value = 0.5 }], history);
    }

    [Fact]
    public async Task a_batch_resending_stored_points_among_new_ones_adds_only_the_new()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var points = Enumerable.Range(0, 100).Select(i => new Metric("m", i * 0.5, 1000 + i, i)).ToList();
        await LogAsync(run.Info.RunId, metrics: points);
        // Every stored point again, one new point, and a NaN twice.
        await LogAsync(run.Info.RunId, metrics: [.. points, new Metric("m", -1, 1050, 50), new Metric("m", double.NaN, 1001, 1)]);
        await LogAsync(run.Info.RunId, metrics: [new Metric("m", double.NaN, 1001, 1)]);
        var history = await Store.GetMetricHistoryAsync(run.Info.RunId, "m", None);
        Assert.Equal(102, history.Count);
        Assert.Equal(1, history.Count(p => double.IsNaN(p.Value)));
        Assert.Equal(2, history.Count(p => p.Step == 50));
    }

    [Fact]
    public async Task steps_started_over_at_later_timestamps_are_all_stored()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var first = Enumerable.Range(0, 10).Select(i => new Metric("m", i, 1000 + i, i)).ToList();
        var second = Enumerable.Range(0, 10).Select(i => new Metric("m", i, 2000 + i, i)).ToList();
        await LogAsync(run.Info.RunId, metrics: first);
        await LogAsync(run.Info.RunId, metrics: second);
        var history = await Store.GetMetricHistoryAsync(run.Info.RunId, "m", None);
        Assert.Equal(first.Concat(second).OrderBy(p => p.Step).ThenBy(p => p.Timestamp), history);
        Assert.Equal(new Metric("m", 9, 2009, 9), Assert.Single((await GetRunAsync(run.Info.RunId)).Data.Metrics));
    }

    [Fact]
    public async Task a_small_batch_spanning_much_stored_history_skips_only_its_duplicates()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var points = Enumerable.Range(0, 100).Select(i => new Metric("m", i, 1000 + i, i)).ToList();
        await LogAsync(run.Info.RunId, metrics: points);
        // The first and last steps span every stored point: one duplicate, one new value.
        await LogAsync(run.Info.RunId, metrics: [points[0], points[99] with { Value = 7 }]);
        var history = await Store.GetMetricHistoryAsync(run.Info.RunId, "m", None);
        Assert.Equal(101, history.Count);
        Assert.Equal([7.0, 99.0], history.Where(p => p.Step == 99).Select(p => p.Value));
        Assert.Equal(new Metric("m", 99, 1099, 99), Assert.Single((await GetRunAsync(run.Info.RunId)).Data.Metrics));
    }

    [Fact]
    public async Task latest_metric_is_the_greatest_step_then_timestamp_then_value()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var id = run.Info.RunId;
        await LogAsync(id, metrics: [new Metric("m", 5, 100, 2)]);
        // An older step never replaces a newer one, whatever its timestamp.
        await LogAsync(id, metrics: [new Metric("m", 9, 999, 1)]);
        Assert.Equal(new Metric("m", 5, 100, 2), Assert.Single((await GetRunAsync(id)).Data.Metrics));
        await LogAsync(id, metrics: [new Metric("m", 1, 101, 2)]);
        Assert.Equal(new Metric("m", 1, 101, 2), Assert.Single((await GetRunAsync(id)).Data.Metrics));
        await LogAsync(id, metrics: [new Metric("m", 3, 101, 2), new Metric("m", 2, 101, 2)]);
        Assert.Equal(new Metric("m", 3, 101, 2), Assert.Single((await GetRunAsync(id)).Data.Metrics));
    }

    [Fact]
    public async Task metric_history_is_every_point_by_step_then_timestamp()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var points = Enumerable.Range(0, 50).Select(i => new Metric("loss", 1.0 / (i + 1), 1000 + (i % 7), i / 2)).ToList();
        await LogAsync(run.Info.RunId, metrics: points.AsEnumerable().Reverse().ToList());
        var history = await Store.GetMetricHistoryAsync(run.Info.RunId, "loss", None);
        Assert.Equal(points.OrderBy(p => p.Step).ThenBy(p => p.Timestamp).ThenBy(p => p.Value), history);
        Assert.Empty(await Store.GetMetricHistoryAsync(run.Info.RunId, "other", None));
    }

    [Fact]
    public async Task nan_and_infinity_round_trip()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var id = run.Info.RunId;
        Metric[] points = [new("nan", double.NaN, 1, 0), new("pos", double.PositiveInfinity, 1, 0), new("neg", double.NegativeInfinity, 1, 0), new("zero", 0, 1, 0)];
        await LogAsync(id, metrics: points);
        // NaN is stored apart from a real 0, so logging NaN again is a duplicate and 0 is not.
        await LogAsync(id, metrics: [new("nan", double.NaN, 1, 0), new("nan", 0, 1, 0)]);

        var latest = (await GetRunAsync(id)).Data.Metrics.ToDictionary(m => m.Key, m => m.Value);
        Assert.Equal(0, latest["nan"]);
        Assert.Equal(double.PositiveInfinity, latest["pos"]);
        Assert.Equal(double.NegativeInfinity, latest["neg"]);
        Assert.Equal(0, latest["zero"]);
        var history = await Store.GetMetricHistoryAsync(id, "nan", None);
        Assert.Equal(2, history.Count);
        Assert.True(double.IsNaN(history[0].Value));
        Assert.Equal(0, history[1].Value);
        Assert.Equal(double.PositiveInfinity, Assert.Single(await Store.GetMetricHistoryAsync(id, "pos", None)).Value);
    }

    [Fact]
    public async Task nan_alone_is_the_latest_value()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await LogAsync(run.Info.RunId, metrics: [new Metric("m", double.NaN, 5, 0)]);
        Assert.True(double.IsNaN(Assert.Single((await GetRunAsync(run.Info.RunId)).Data.Metrics).Value));
    }

    [Fact]
    public async Task a_thousand_metric_batch_is_stored_whole()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var metrics = Enumerable.Range(0, 1000).Select(i => new Metric($"m{i % 10}", i, 1000 + i, i / 10)).ToList();
        await LogAsync(run.Info.RunId, metrics: metrics);
        var data = (await GetRunAsync(run.Info.RunId)).Data;
        Assert.Equal(10, data.Metrics.Count);
        Assert.Equal(new Metric("m9", 999, 1999, 99), data.Metrics.Single(m => m.Key == "m9"));
        Assert.Equal(100, (await Store.GetMetricHistoryAsync(run.Info.RunId, "m3", None)).Count);
    }

    [Fact]
    public async Task concurrent_batches_to_one_run_keep_the_latest_value_right()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await LogAsync(run.Info.RunId, metrics: [new Metric("m", w * 100 + i, 1, w * 10 + i)], parameters: [new Param("p", "same")]);
            }
        })));
        Assert.Equal(new Metric("m", 709, 1, 79), Assert.Single((await GetRunAsync(run.Info.RunId)).Data.Metrics));
        Assert.Equal(80, (await Store.GetMetricHistoryAsync(run.Info.RunId, "m", None)).Count);
    }
}
