using Steward.Errors;

namespace Steward.Registry;

public sealed class RegistryServiceTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("42", 42)]
    public void version_numbers_parse_from_text(string text, int expected)
    {
        Assert.Equal(expected, RegistryService.ParseVersion(text));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("v1")]
    [InlineData("1.5")]
    public void version_that_is_not_a_positive_integer_is_rejected(string text)
    {
        var error = Assert.Throws<StewardException>(() => RegistryService.ParseVersion(text));
        Assert.Contains("'version'", error.Message);
    }

    [Theory]
    [InlineData("none", ModelStage.None)]
    [InlineData("STAGING", ModelStage.Staging)]
    [InlineData("Production", ModelStage.Production)]
    [InlineData("archived", ModelStage.Archived)]
    public void stages_parse_case_insensitively(string text, ModelStage expected)
    {
        Assert.Equal(expected, ModelStages.Parse(text));
    }

    [Fact]
    public void unknown_stage_is_rejected_listing_the_valid_ones()
    {
        var error = Assert.Throws<StewardException>(() => ModelStages.Parse("Prod"));
        Assert.Contains("None, Staging, Production, Archived", error.Message);
    }
}
