using Steward.Errors;
using Steward.Tracking.Search;

namespace Steward.Tracking;

public sealed class SearchSyntaxTests
{
    [Fact]
    public void empty_filter_has_no_clauses()
    {
        Assert.Empty(SearchSyntax.ParseRunFilter(null));
        Assert.Empty(SearchSyntax.ParseRunFilter("   "));
    }

    [Fact]
    public void metric_and_param_clauses_joined_by_and_parse_in_order()
    {
        var clauses = SearchSyntax.ParseRunFilter("metrics.m0 < 0.5 and params.p0 = 'a'");

        Assert.Equal(
            [
                new FilterClause(FilterEntity.Metric, "m0", Comparator.Less, 0.5, null, null),
                new FilterClause(FilterEntity.Param, "p0", Comparator.Equal, null, "a", null),
            ],
            clauses);
    }

    [Theory]
    [InlineData("metrics.`my metric` >= 1", "my metric")]
    [InlineData("metrics.\"my metric\" >= 1", "my metric")]
    [InlineData("metric.val.loss >= 1", "val.loss")]
    [InlineData("metrics.a/b-c >= 1", "a/b-c")]
    public void metric_keys_may_be_quoted_or_contain_dots_slashes_and_dashes(string filter, string key)
    {
        var clause = Assert.Single(SearchSyntax.ParseRunFilter(filter));
        Assert.Equal(FilterEntity.Metric, clause.Entity);
        Assert.Equal(key, clause.Key);
        Assert.Equal(1.0, clause.Number);
    }

    [Theory]
    [InlineData("status = 'FINISHED'", "status")]
    [InlineData("attributes.status = 'FINISHED'", "status")]
    [InlineData("attr.run_name = 'x'", "run_name")]
    [InlineData("attributes.`run name` = 'x'", "run_name")]
    [InlineData("run.user_id = 'x'", "user_id")]
    public void attribute_aliases_resolve_to_canonical_names(string filter, string key)
    {
        var clause = Assert.Single(SearchSyntax.ParseRunFilter(filter));
        Assert.Equal(FilterEntity.Attribute, clause.Entity);
        Assert.Equal(key, clause.Key);
    }

    [Fact]
    public void created_is_a_numeric_alias_of_start_time()
    {
        var clause = Assert.Single(SearchSyntax.ParseRunFilter("attributes.created > 1700000000000"));
        Assert.Equal("start_time", clause.Key);
        Assert.Equal(1700000000000, clause.Number);
    }

    [Fact]
    public void in_and_not_in_take_a_list_of_quoted_strings()
    {
        var clauses = SearchSyntax.ParseRunFilter("run_id IN ('a', \"b\") AND status NOT IN ('FAILED')");

        Assert.Equal(Comparator.In, clauses[0].Comparator);
        Assert.Equal(["a", "b"], clauses[0].List!);
        Assert.Equal(Comparator.NotIn, clauses[1].Comparator);
        Assert.Equal(["FAILED"], clauses[1].List!);
    }

    [Theory]
    [InlineData("tags.team LIKE 'ml%'", Comparator.Like)]
    [InlineData("tags.team ilike 'ML%'", Comparator.ILike)]
    [InlineData("params.model != 'cnn'", Comparator.NotEqual)]
    public void string_comparators_are_case_insensitive_keywords(string filter, Comparator expected)
    {
        Assert.Equal(expected, Assert.Single(SearchSyntax.ParseRunFilter(filter)).Comparator);
    }

    [Fact]
    public void quoted_string_may_contain_its_quote_doubled()
    {
        Assert.Equal("it's", Assert.Single(SearchSyntax.ParseRunFilter("tags.note = 'it''s'")).Text);
    }

    [Fact]
    public void negative_and_scientific_numbers_parse()
    {
        Assert.Equal(-1.5e-3, Assert.Single(SearchSyntax.ParseRunFilter("metrics.loss > -1.5e-3")).Number);
    }

    [Fact]
    public void unknown_comparator_is_rejected_naming_it()
    {
        var error = Assert.Throws<StewardException>(() => SearchSyntax.ParseRunFilter("metrics.acc >>> 1"));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("'>>>'", error.Message);
    }

    [Theory]
    [InlineData("metrics.acc = 'high'", "numeric")]
    [InlineData("params.lr = 0.1", "quoted")]
    [InlineData("metrics.acc LIKE '1%'", "LIKE")]
    [InlineData("params.lr > '1'", ">")]
    [InlineData("foo.bar = 'x'", "entity type 'foo'")]
    [InlineData("attributes.colour = 'x'", "colour")]
    [InlineData("metrics.a > 1 OR metrics.b > 1", "OR")]
    [InlineData("params.x = 'unterminated", "Unterminated")]
    [InlineData("metrics.a > 1 metrics.b > 2", "expected AND")]
    public void malformed_filters_are_rejected_with_a_message_naming_the_problem(string filter, string fragment)
    {
        var error = Assert.Throws<StewardException>(() => SearchSyntax.ParseRunFilter(filter));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void order_by_defaults_to_ascending_and_reads_direction()
    {
        var order = SearchSyntax.ParseRunOrderBy(["metrics.rmse", "params.model DESC", "attributes.start_time asc"]);

        Assert.Equal(
            [
                new OrderClause(FilterEntity.Metric, "rmse", true),
                new OrderClause(FilterEntity.Param, "model", false),
                new OrderClause(FilterEntity.Attribute, "start_time", true),
            ],
            order);
    }

    [Fact]
    public void order_by_with_duplicate_keys_is_rejected()
    {
        var error = Assert.Throws<StewardException>(() => SearchSyntax.ParseRunOrderBy(["metrics.a", "metrics.a DESC"]));
        Assert.Contains("duplicate", error.Message);
    }

    [Fact]
    public void order_by_with_trailing_words_is_rejected()
    {
        Assert.Throws<StewardException>(() => SearchSyntax.ParseRunOrderBy(["metrics.a DESC please"]));
    }

    [Fact]
    public void experiment_search_accepts_name_and_tags_but_not_metrics()
    {
        Assert.Equal(2, SearchSyntax.ParseExperimentFilter("name LIKE 'churn%' AND tags.team = 'risk'").Count);
        Assert.Throws<StewardException>(() => SearchSyntax.ParseExperimentFilter("metrics.acc > 1"));
    }

    [Fact]
    public void model_version_search_maps_source_path_and_version_number()
    {
        var clauses = SearchSyntax.ParseModelVersionFilter("source_path = 'x' and version_number > 2");
        Assert.Equal("source", clauses[0].Key);
        Assert.Equal("version_number", clauses[1].Key);
        Assert.Equal(2, clauses[1].Number);
    }

    [Fact]
    public void registered_model_order_by_accepts_timestamp_alias()
    {
        var order = Assert.Single(SearchSyntax.ParseRegisteredModelOrderBy(["timestamp DESC"]));
        Assert.Equal("creation_timestamp", order.Key);
        Assert.False(order.Ascending);
    }
}
