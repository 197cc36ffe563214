namespace Steward.Web.Tests.Support;

/// <summary>Folders of the repository the tests read from and write to.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding <c>Steward.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The public data sets (COMPAS, Telco).</summary>
    public static string DataSets => Path.Combine(Root, "datasets");

    /// <summary>
    /// Where the tests save a screenshot of each main page: <c>artifacts/screenshots</c>, or the
    /// folder <c>STEWARD_SCREENSHOTS</c> names (<c>docs/screenshots</c> refreshes the README's
    /// pictures), so a test run leaves the working tree as it was.
    /// </summary>
    public static string Screenshots =>
        Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } folder
            ? Path.GetFullPath(folder, Root)
            : Path.Combine(Root, "artifacts", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("Steward.slnx not found above the test folder.");
    }
}
