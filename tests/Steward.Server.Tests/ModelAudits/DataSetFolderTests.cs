using Steward.Errors;
using Steward.Server.ModelAudits;

namespace Steward.Server.Tests.ModelAudits;

public sealed class DataSetFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "steward-datasets-" + Guid.NewGuid().ToString("N"));
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "steward-outside-" + Guid.NewGuid().ToString("N") + ".csv");

    public DataSetFolderTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "compas"));
        File.WriteAllText(Path.Combine(_root, "compas", "scores.csv"), "a,b\n1,2\n");
        File.WriteAllText(_outside, "secret\n");
    }

    private DataSetFolder Folder => new(_root);

    [Fact]
    public void A_relative_path_resolves_inside_the_folder()
    {
        Assert.Equal(Path.Combine(_root, "compas", "scores.csv"), Folder.Resolve("compas/scores.csv", "data"));
    }

    [Theory]
    [InlineData("../x.csv")]
    [InlineData("compas/../../x.csv")]
    [InlineData("/etc/passwd")]
    public void A_path_leaving_the_folder_is_refused_naming_the_field(string path)
    {
        var error = Assert.Throws<StewardException>(() => Folder.Resolve(path, "reference"));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("'reference'", error.Message);
    }

    [Fact]
    public void A_symbolic_link_pointing_outside_is_refused()
    {
        var link = Path.Combine(_root, "link.csv");
        File.CreateSymbolicLink(link, _outside);
        Assert.Throws<StewardException>(() => Folder.Resolve("link.csv", "data"));
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        var error = Assert.Throws<StewardException>(() => Folder.Resolve("compas/none.csv", "data"));
        Assert.Equal(ErrorCode.ResourceDoesNotExist, error.Code);
    }

    [Fact]
    public void An_empty_path_is_missing() =>
        Assert.Contains("required parameter 'data'", Assert.Throws<StewardException>(() => Folder.Resolve(" ", "data")).Message);

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        File.Delete(_outside);
    }
}
