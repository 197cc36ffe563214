using Steward.Errors;

namespace Steward.Artifacts;

public sealed class ArtifactPathTests
{
    [Theory]
    [InlineData("../secret")]
    [InlineData("a/../../b")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("C:/x")]
    [InlineData("./a")]
    public void paths_that_could_escape_the_root_are_rejected(string path)
    {
        var error = Assert.Throws<StewardException>(() => ArtifactPath.Normalize(path));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
    }

    [Fact]
    public void redundant_slashes_are_collapsed()
    {
        Assert.Equal("model/MLmodel", ArtifactPath.Normalize("model//MLmodel/"));
    }

    [Fact]
    public void proxy_uri_maps_to_a_store_relative_root()
    {
        Assert.Equal("3/abc/artifacts", ArtifactPath.ProxyRoot("mlflow-artifacts:/3/abc/artifacts"));
        Assert.Null(ArtifactPath.ProxyRoot("s3://bucket/x"));
    }
}
