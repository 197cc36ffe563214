using Steward.Stats.Classification;
using Steward.Stats.Fairness;

namespace Steward.Stats.Tests.Fairness;

/// <summary>The contingency table refuses inputs an audit cannot be made of, naming the problem.</summary>
public sealed class FairnessTableTests
{
    private static readonly ConfusionCounts Some = new(1, 2, 3, 4);

    [Fact]
    public void A_table_without_rows_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => FairnessTable.Create(["race"], [new GroupCounts(["a"], default)]));
        Assert.Contains("no rows", error.Message);
    }

    [Fact]
    public void A_sensitive_feature_missing_in_every_row_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => FairnessTable.Create(["race", "sex"], [new GroupCounts(["a", null], Some)]));
        Assert.Contains("'sex' has no value in any row", error.Message);
    }

    [Fact]
    public void Rows_missing_a_value_form_their_own_group_listed_last()
    {
        var table = FairnessTable.Create(["race"], [new GroupCounts([null], Some), new GroupCounts(["b"], Some), new GroupCounts(["a"], Some)]);
        Assert.Equal(["a", "b", null], table.Groups.Select(g => g.Values[0]));
    }

    [Fact]
    public void Counts_given_twice_for_a_group_are_added()
    {
        var table = FairnessTable.Create(["race"], [new GroupCounts(["a"], Some), new GroupCounts(["a"], Some)]);
        Assert.Equal(Some + Some, Assert.Single(table.Groups).Counts);
    }

    [Fact]
    public void Too_many_groups_are_refused_naming_the_feature_sizes()
    {
        var groups = Enumerable.Range(0, FairnessLimits.MaxGroups + 1).Select(i => new GroupCounts([i.ToString(System.Globalization.CultureInfo.InvariantCulture)], Some));
        var error = Assert.Throws<ArgumentException>(() => FairnessTable.Create(["id"], groups));
        Assert.Contains("'id' has 10,001 values", error.Message);
    }

    [Fact]
    public void A_feature_named_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => FairnessTable.Create(["race", "race"], [new GroupCounts(["a", "a"], Some)]));
        Assert.Contains("'race' is named twice", error.Message);
    }

    [Fact]
    public void Intersections_include_combinations_without_rows()
    {
        var table = FairnessTable.Create(["race", "sex"], [new GroupCounts(["a", "F"], Some), new GroupCounts(["b", "M"], Some)]);
        Assert.Equal(["a/F", "a/M", "b/F", "b/M"], table.Groups.Select(g => $"{g.Values[0]}/{g.Values[1]}"));
        Assert.Equal([10L, 0, 0, 10], table.Groups.Select(g => g.Counts.Total));
    }
}
