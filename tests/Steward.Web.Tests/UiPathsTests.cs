using Microsoft.AspNetCore.Http;
using Steward.Web.Session;

namespace Steward.Web.Tests;

/// <summary>The session cookie is read on UI pages only, never on the JSON APIs.</summary>
public sealed class UiPathsTests
{
    [Theory]
    [InlineData("/api/v1/runs")]
    [InlineData("/api/2.0/mlflow/runs/create")]
    [InlineData("/ajax-api/2.0/mlflow/runs/search")]
    [InlineData("/api/2.0/mlflow-artifacts/artifacts/x")]
    [InlineData("/health")]
    public void Api_paths_are_not_ui_paths(string path)
    {
        Assert.False(UiPaths.IsUi(new PathString(path)));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/runs/abc")]
    [InlineData("/apiary")]
    [InlineData("/download/artifact/abc")]
    public void Pages_are_ui_paths(string path)
    {
        Assert.True(UiPaths.IsUi(new PathString(path)));
    }

    [Theory]
    [InlineData("/signin", true)]
    [InlineData("/ui/steward.css", true)]
    [InlineData("/ledger", false)]
    [InlineData("/signout", false)]
    public void Only_sign_in_and_the_style_sheet_need_no_session(string path, bool expected)
    {
        Assert.Equal(expected, UiPaths.IsPublic(new PathString(path)));
    }
}
