namespace Steward.Web.Tests.Support;

/// <summary>Folders of the repository the tests read from and write to.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding <c>Steward.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The public data sets (COMPAS, Telco).</summary>
    public static string DataSets => Path.Combine(Root, "datasets");

    /// <summary>Where the tests save a screenshot of each main page, as the README shows them.</summary>
    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("Steward.slnx not found above the test folder.");
    }
}
