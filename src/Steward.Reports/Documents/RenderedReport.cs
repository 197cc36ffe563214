namespace Steward.Reports.Documents;

/// <summary>
/// A rendered report: the main text, and the files it refers to by relative path (Markdown's
/// charts), to be written beside the main file.
/// </summary>
public sealed record RenderedReport(string Text, IReadOnlyDictionary<string, string> Files);
