using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Steward.Reports.Documents;

/// <summary>
/// Text people write (a model card's sections) as Markdown rendered to HTML, safe to put in a
/// page: raw HTML is shown as text, never run, and a link or image whose address has a scheme
/// other than http, https or mailto (<c>javascript:</c>, <c>data:</c>) loses its address.
/// The web UI and the downloaded HTML card render through here, so they agree.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>The HTML of <paramref name="markdown"/>; empty for null or blank text.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "";
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!link.IsEmail && !IsSafe(link.Url)) link.Url = "";
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>True for a relative address or one with a safe scheme.</summary>
    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so they are dropped before looking.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return true;
        var end = compact.IndexOfAny(['/', '?', '#']);
        if (end >= 0 && end < colon) return true;
        var scheme = compact[..colon];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
