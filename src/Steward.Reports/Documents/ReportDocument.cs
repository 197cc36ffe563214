namespace Steward.Reports.Documents;

/// <summary>
/// A report as a list of blocks, built once and rendered as HTML (one self-contained file with
/// inline SVG) or Markdown (with the charts as SVG files beside it).
/// </summary>
public sealed class ReportDocument(string title)
{
    private readonly List<ReportBlock> _blocks = [];

    /// <summary>The report's title.</summary>
    public string Title { get; } = title;

    /// <summary>The blocks in reading order.</summary>
    public IReadOnlyList<ReportBlock> Blocks => _blocks;

    /// <summary>Adds a block.</summary>
    public ReportDocument Add(ReportBlock block)
    {
        if (block is FigureBlock figure && _blocks.OfType<FigureBlock>().Any(f => f.Name == figure.Name))
            throw new ArgumentException($"a figure named '{figure.Name}' is already in the report");
        _blocks.Add(block);
        return this;
    }

    /// <summary>Adds a section heading.</summary>
    public ReportDocument Heading(string text, int level = 2) => Add(new HeadingBlock(text, level));

    /// <summary>Adds a paragraph.</summary>
    public ReportDocument Paragraph(string text) => Add(new ParagraphBlock(text));

    /// <summary>Adds a verdict line.</summary>
    public ReportDocument Callout(string text, CalloutKind kind) => Add(new CalloutBlock(text, kind));

    /// <summary>Adds name–value pairs.</summary>
    public ReportDocument Facts(params (string Name, string Value)[] facts) =>
        Add(new FactsBlock(facts.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList()));

    /// <summary>Adds a chart.</summary>
    public ReportDocument Figure(string name, string svg, string? caption = null) => Add(new FigureBlock(name, svg, caption));

    /// <summary>Adds the JSON behind the report.</summary>
    public ReportDocument Json(string json, string summary = "Data (JSON)") => Add(new JsonBlock(summary, json));

    /// <summary>Renders the report; <paramref name="fileStem"/> names the folder of chart files for Markdown.</summary>
    public RenderedReport Render(ReportFormat format, string fileStem) => format switch
    {
        ReportFormat.Html => new RenderedReport(HtmlRenderer.Render(this), new Dictionary<string, string>()),
        ReportFormat.Markdown => MarkdownRenderer.Render(this, fileStem + "_files"),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
