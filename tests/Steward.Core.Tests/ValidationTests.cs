using Steward.Errors;

namespace Steward;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("accuracy")]
    [InlineData("val/loss")]
    [InlineData("f1 score.macro-avg")]
    public void ordinary_metric_names_are_accepted(string key)
    {
        Validation.EntityKey(key, "metric");
    }

    [Theory]
    [InlineData("a/../b")]
    [InlineData("/leading")]
    [InlineData("trailing/")]
    [InlineData("a//b")]
    [InlineData("./a")]
    [InlineData("bad:char")]
    [InlineData("")]
    public void names_that_are_not_unique_paths_or_contain_odd_characters_are_rejected(string key)
    {
        var error = Assert.Throws<StewardException>(() => Validation.EntityKey(key, "metric"));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
    }

    [Fact]
    public void keys_over_250_characters_are_rejected()
    {
        Assert.Throws<StewardException>(() => Validation.EntityKey(new string('k', 251), "param"));
    }

    [Fact]
    public void missing_required_value_names_the_field()
    {
        var error = Assert.Throws<StewardException>(() => Validation.Required(null, "experiment_id"));
        Assert.Contains("'experiment_id'", error.Message);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(50001L)]
    public void max_results_outside_limits_is_rejected(long value)
    {
        var error = Assert.Throws<StewardException>(() => Validation.MaxResults(value, 1000, 50000));
        Assert.Contains("max_results", error.Message);
    }

    [Fact]
    public void max_results_defaults_when_absent()
    {
        Assert.Equal(1000, Validation.MaxResults(null, 1000, 50000));
    }
}
