using Steward.Cli.Infrastructure;
using Steward.Reports.Documents;

namespace Steward.Cli.Output;

/// <summary>Writes an audit report given by <c>--report FILE</c>: the format follows the extension.</summary>
internal static class ReportFiles
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/> (and, for Markdown, its charts beside it).</summary>
    public static void Write(string path, ReportDocument report)
    {
        var format = ReportFormats.FromPath(path)
            ?? throw new CliException($"--report: '{path}' must end in .html, .htm, .md or .markdown");
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var rendered = report.Render(format, Path.GetFileNameWithoutExtension(full));
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (relative, text) in rendered.Files)
            {
                var file = Path.Combine(folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text);
            }
            File.WriteAllText(full, rendered.Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--report: cannot write '{path}': {e.Message}");
        }
    }
}
