using System.Globalization;
using System.Text;

namespace Steward.Reports.Charts;

/// <summary>A minimal SVG writer: elements with escaped text and invariant-culture numbers.</summary>
internal sealed class Svg
{
    private readonly StringBuilder _text = new();

    public Svg(double width, double height, string title, string? description = null)
    {
        _text.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" font-family=\"{ChartStyle.FontFamily}\" font-size=\"{ChartStyle.FontSize}\">");
        _text.Append("<title>").Append(Escape(title)).Append("</title>");
        if (description is not null)
            _text.Append("<desc>").Append(Escape(description)).Append("</desc>");
        _text.Append(CultureInfo.InvariantCulture, $"<rect width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>");
    }

    /// <summary>A number as SVG writes it: invariant culture, at most two decimals.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    public void Rect(double x, double y, double width, double height, string fill, string? tooltip = null, double opacity = 1)
    {
        _text.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{fill}\"");
        if (opacity < 1)
            _text.Append(CultureInfo.InvariantCulture, $" fill-opacity=\"{N(opacity)}\"");
        if (tooltip is null)
            _text.Append("/>");
        else
            _text.Append("><title>").Append(Escape(tooltip)).Append("</title></rect>");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _text.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null)
            _text.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
        _text.Append("/>");
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 2, string? dash = null)
    {
        _text.Append("<polyline fill=\"none\" points=\"");
        foreach (var (x, y) in points)
            _text.Append(N(x)).Append(',').Append(N(y)).Append(' ');
        _text.Append(CultureInfo.InvariantCulture, $"\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\"");
        if (dash is not null)
            _text.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
        _text.Append("/>");
    }

    public void Circle(double x, double y, double radius, string fill, string? tooltip = null)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(radius)}\" fill=\"{fill}\"");
        if (tooltip is null)
            _text.Append("/>");
        else
            _text.Append("><title>").Append(Escape(tooltip)).Append("</title></circle>");
    }

    /// <summary>Text; <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> turns it about its anchor point.</summary>
    public void Text(double x, double y, string text, string anchor = "start", string fill = ChartStyle.TextColor,
        double? size = null, bool bold = false, double rotate = 0)
    {
        _text.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"");
        if (size is not null)
            _text.Append(CultureInfo.InvariantCulture, $" font-size=\"{N(size.Value)}\"");
        if (bold)
            _text.Append(" font-weight=\"bold\"");
        if (rotate != 0)
            _text.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"");
        _text.Append('>').Append(Escape(text)).Append("</text>");
    }

    public override string ToString() => _text + "</svg>";
}
