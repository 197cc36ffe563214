namespace Steward.Reports.Documents;

/// <summary>The formats a report is written in.</summary>
public enum ReportFormat
{
    /// <summary>One self-contained HTML page.</summary>
    Html,

    /// <summary>Markdown with the charts as SVG files in a folder beside it.</summary>
    Markdown,
}

/// <summary>Chooses a report format from a file name.</summary>
public static class ReportFormats
{
    /// <summary>The format for <paramref name="path"/>'s extension (.html, .htm, .md, .markdown), or null if it is none of them.</summary>
    public static ReportFormat? FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => ReportFormat.Html,
        ".md" or ".markdown" => ReportFormat.Markdown,
        _ => null,
    };
}
