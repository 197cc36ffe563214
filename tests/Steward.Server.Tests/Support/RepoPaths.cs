namespace Steward.Server.Tests.Support;

/// <summary>Where the repository's data sets are: the <c>datasets</c> folder beside <c>Steward.slnx</c>.</summary>
internal static class RepoPaths
{
    public static string Datasets { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx")))
                return Path.Combine(dir.FullName, "datasets");
        }
        throw new DirectoryNotFoundException("Steward.slnx not found above " + AppContext.BaseDirectory);
    }
}
