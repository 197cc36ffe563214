namespace Steward.Web.Downloads;

/// <summary>What the UI can preview: text shown in the page, images shown inline.</summary>
internal static class FileKinds
{
    private static readonly Dictionary<string, string> Images = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml",
    };

    private static readonly HashSet<string> Texts = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".md", ".json", ".yaml", ".yml", ".csv", ".tsv", ".log", ".py", ".cs", ".xml", ".html", ".ini", ".toml", ".cfg", ".sql", ".r",
    };

    /// <summary>Text previews show at most this many bytes.</summary>
    public const int MaxTextPreviewBytes = 64 * 1024;

    public static bool IsImage(string name) => Images.ContainsKey(Path.GetExtension(name));

    public static string ImageContentType(string name) => Images[Path.GetExtension(name)];

    /// <summary>Known text extensions, and MLflow's extensionless files (<c>MLmodel</c>, <c>requirements</c>).</summary>
    public static bool IsText(string name) => Texts.Contains(Path.GetExtension(name)) || Path.GetExtension(name).Length == 0;
}
