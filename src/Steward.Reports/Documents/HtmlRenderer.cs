using System.Net;
using System.Text;

namespace Steward.Reports.Documents;

/// <summary>Renders a report as one self-contained HTML page: inline SVG, inline style, no scripts.</summary>
internal static class HtmlRenderer
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.45}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{font-size:1.05rem}
        table{border-collapse:collapse;margin:.6rem 0}th,td{border:1px solid #d0d0d0;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
        caption{caption-side:top;text-align:left;font-weight:600;padding:.3rem 0}
        dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
        .callout{padding:.6rem .9rem;border-radius:4px;margin:.8rem 0;font-weight:600}.pass{background:#e7f4ea;border-left:5px solid #009E73}.warning{background:#fff6e0;border-left:5px solid #E69F00}.fail{background:#fde8e4;border-left:5px solid #C00000}
        figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{color:#555;font-size:.9rem}
        pre{background:#f7f7f7;padding:.8rem;overflow:auto;font-size:.85rem}
        """;

    public static string Render(ReportDocument report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(report.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(report.Title)).Append("</h1>\n");
        foreach (var block in report.Blocks)
            Append(html, block);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Append(StringBuilder html, ReportBlock block)
    {
        switch (block)
        {
            case HeadingBlock h:
                var level = Math.Clamp(h.Level, 2, 4);
                html.Append($"<h{level}>").Append(E(h.Text)).Append($"</h{level}>\n");
                break;
            case ParagraphBlock p:
                html.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                break;
            case MarkdownBlock m:
                html.Append("<div class=\"markdown\">").Append(MarkdownText.ToHtml(m.Markdown)).Append("</div>\n");
                break;
            case CalloutBlock c:
                html.Append("<p class=\"callout ").Append(c.Kind.ToString().ToLowerInvariant()).Append("\">")
                    .Append(E(c.Text)).Append("</p>\n");
                break;
            case FactsBlock f:
                html.Append("<dl class=\"facts\">");
                foreach (var (name, value) in f.Facts)
                    html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>");
                html.Append("</dl>\n");
                break;
            case TableBlock t:
                html.Append("<table>");
                if (t.Caption is not null)
                    html.Append("<caption>").Append(E(t.Caption)).Append("</caption>");
                html.Append("<thead><tr>");
                foreach (var header in t.Headers)
                    html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
                html.Append("</tr></thead><tbody>");
                foreach (var row in t.Rows)
                {
                    html.Append("<tr>");
                    for (var i = 0; i < row.Count; i++)
                        html.Append(t.RightAligned.Contains(i) ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
                    html.Append("</tr>");
                }
                html.Append("</tbody></table>\n");
                break;
            case FigureBlock fig:
                html.Append("<figure>").Append(fig.Svg);
                if (fig.Caption is not null)
                    html.Append("<figcaption>").Append(E(fig.Caption)).Append("</figcaption>");
                html.Append("</figure>\n");
                break;
            case JsonBlock j:
                html.Append("<details><summary>").Append(E(j.Summary)).Append("</summary><pre>").Append(E(j.Json)).Append("</pre></details>\n");
                break;
            default:
                throw new ArgumentException($"unknown report block {block.GetType().Name}");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
