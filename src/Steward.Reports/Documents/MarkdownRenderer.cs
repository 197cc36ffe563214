using System.Text;

namespace Steward.Reports.Documents;

/// <summary>Renders a report as Markdown; each chart becomes an SVG file in <c>filesFolder</c>, linked as an image.</summary>
internal static class MarkdownRenderer
{
    public static RenderedReport Render(ReportDocument report, string filesFolder)
    {
        var md = new StringBuilder();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        md.Append("# ").Append(Inline(report.Title)).Append("\n\n");
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    md.Append(new string('#', Math.Clamp(h.Level, 2, 4))).Append(' ').Append(Inline(h.Text)).Append("\n\n");
                    break;
                case ParagraphBlock p:
                    md.Append(Inline(p.Text)).Append("\n\n");
                    break;
                case MarkdownBlock m:
                    md.Append(m.Markdown.Replace("\r", "", StringComparison.Ordinal).Trim()).Append("\n\n");
                    break;
                case CalloutBlock c:
                    var mark = c.Kind switch { CalloutKind.Pass => "PASS", CalloutKind.Warning => "WARNING", _ => "FAIL" };
                    md.Append("> **").Append(mark).Append(":** ").Append(Inline(c.Text)).Append("\n\n");
                    break;
                case FactsBlock f:
                    foreach (var (name, value) in f.Facts)
                        md.Append("- **").Append(Inline(name)).Append(":** ").Append(Inline(value)).Append('\n');
                    md.Append('\n');
                    break;
                case TableBlock t:
                    if (t.Caption is not null)
                        md.Append("**").Append(Inline(t.Caption)).Append("**\n\n");
                    md.Append("| ").Append(string.Join(" | ", t.Headers.Select(Cell))).Append(" |\n|");
                    for (var i = 0; i < t.Headers.Count; i++)
                        md.Append(t.RightAligned.Contains(i) ? "---:|" : "---|");
                    md.Append('\n');
                    foreach (var row in t.Rows)
                        md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                    md.Append('\n');
                    break;
                case FigureBlock fig:
                    var path = $"{filesFolder}/{fig.Name}.svg";
                    files[path] = fig.Svg;
                    md.Append("![").Append(Inline(fig.Caption ?? fig.Name)).Append("](").Append(Uri.EscapeDataString(filesFolder))
                        .Append('/').Append(Uri.EscapeDataString(fig.Name)).Append(".svg)\n\n");
                    if (fig.Caption is not null)
                        md.Append('*').Append(Inline(fig.Caption)).Append("*\n\n");
                    break;
                case JsonBlock j:
                    md.Append("<details><summary>").Append(Inline(j.Summary)).Append("</summary>\n\n```json\n")
                        .Append(j.Json.Replace("```", "` ` `", StringComparison.Ordinal)).Append("\n```\n\n</details>\n\n");
                    break;
                default:
                    throw new ArgumentException($"unknown report block {block.GetType().Name}");
            }
        }
        return new RenderedReport(md.ToString(), files);
    }

    // Data values (group names, column names) can hold Markdown syntax; escape what would change the rendering.
    private static string Inline(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var ch in text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' '))
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
                escaped.Append('\\');
            escaped.Append(ch);
        }
        return escaped.ToString();
    }

    private static string Cell(string text) => Inline(text);
}
