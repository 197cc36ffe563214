namespace Steward.Reports.Documents;

/// <summary>A part of a report, rendered the same way in HTML and Markdown.</summary>
public abstract record ReportBlock;

/// <summary>A section heading; level 2 is a section, 3 a subsection.</summary>
public sealed record HeadingBlock(string Text, int Level = 2) : ReportBlock;

/// <summary>A paragraph of plain text.</summary>
public sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>Text people wrote in Markdown (a model card's sections): rendered to HTML with raw HTML shown as text (<see cref="MarkdownText"/>), kept as written in Markdown.</summary>
public sealed record MarkdownBlock(string Markdown) : ReportBlock;

/// <summary>How a callout reads: a passed check, something to look at, or a failure.</summary>
public enum CalloutKind
{
    /// <summary>Nothing found.</summary>
    Pass,

    /// <summary>Worth a look.</summary>
    Warning,

    /// <summary>A check failed.</summary>
    Fail,
}

/// <summary>A highlighted one-line verdict, e.g. "Disparate impact below the four-fifths rule for 2 groups".</summary>
public sealed record CalloutBlock(string Text, CalloutKind Kind) : ReportBlock;

/// <summary>Name–value pairs: the settings an audit ran with, the data it read.</summary>
public sealed record FactsBlock(IReadOnlyList<KeyValuePair<string, string>> Facts) : ReportBlock;

/// <summary>A table of text cells; <see cref="RightAligned"/> marks numeric columns by index.</summary>
public sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string? Caption = null) : ReportBlock
{
    /// <summary>Indexes of columns aligned right (numbers).</summary>
    public IReadOnlySet<int> RightAligned { get; init; } = new HashSet<int>();
}

/// <summary>A chart: <paramref name="Name"/> names its file where the format needs one (Markdown), e.g. "selection-rate".</summary>
public sealed record FigureBlock(string Name, string Svg, string? Caption = null) : ReportBlock;

/// <summary>The machine-readable data behind the report, shown folded.</summary>
public sealed record JsonBlock(string Summary, string Json) : ReportBlock;
