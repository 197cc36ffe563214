using Steward.Web.Runs;

namespace Steward.Web.Tests;

/// <summary>Clicking a run-table header sorts by it, and clicking again reverses it.</summary>
public sealed class SortColumnTests
{
    [Fact]
    public void A_metric_header_sorts_best_first_then_reverses()
    {
        var first = SortColumn.Toggle(null, "metrics", "auc");
        Assert.Equal("metrics.`auc` DESC", first);
        Assert.Equal("metrics.`auc` ASC", SortColumn.Toggle(first, "metrics", "auc"));
    }

    [Fact]
    public void A_param_header_sorts_from_a()
    {
        Assert.Equal("params.`model` ASC", SortColumn.Toggle("metrics.`auc` DESC", "params", "model"));
    }

    [Theory]
    [InlineData("metrics.auc DESC", "metrics", "auc", "descending")]
    [InlineData("metric.`f1 score` asc", "metrics", "f1 score", "ascending")]
    [InlineData("attributes.start_time DESC", "metrics", "auc", "none")]
    public void The_header_of_the_sorted_column_says_which_way(string order, string entity, string key, string expected)
    {
        Assert.Equal(expected, SortColumn.AriaSort(order, entity, key));
    }

    [Fact]
    public void Without_an_order_the_newest_runs_come_first()
    {
        Assert.Equal("descending", SortColumn.AriaSort(null, "attributes", "start_time"));
    }
}
