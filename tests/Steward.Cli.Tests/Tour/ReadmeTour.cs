using System.Text;
using System.Text.RegularExpressions;

namespace Steward.Cli.Tests.Tour;

/// <summary>A fenced code block of the README's tour, in the order it appears.</summary>
/// <param name="Language">The fence's language: <c>sh</c> or <c>csharp</c>.</param>
/// <param name="Text">The block's lines, without the fences.</param>
/// <param name="Line">The README line the block starts on, for messages.</param>
internal sealed record TourBlock(string Language, string Text, int Line)
{
    /// <summary>Whether the block drives an MLflow client in Python (it needs the client installed).</summary>
    public bool IsPython => Text.Contains("python3 ", StringComparison.Ordinal);
}

/// <summary>
/// Reads the README's tour (from <c>## A tour</c> to the next <c>## </c> heading) and turns its
/// shell blocks into a script that stops at the first command whose exit code is not the one the
/// README promises: 0, or N where the command's comment says <c># exit N</c>. Variables a block
/// sets are kept for the blocks after it.
/// </summary>
internal static partial class ReadmeTour
{
    /// <summary>The address the README's commands and snippets assume the server has.</summary>
    public const string DocumentedAddress = "http://127.0.0.1:5000";

    [GeneratedRegex(@"\s#\s*exit (\d+)\b")]
    private static partial Regex ExpectedExit();

    public static string ReadmePath => Path.Combine(RepositoryRoot(), "README.md");

    public static IReadOnlyList<TourBlock> Blocks()
    {
        var lines = File.ReadAllText(ReadmePath).ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, "## A tour");
        if (start < 0) throw new InvalidOperationException("The README has no '## A tour' section.");
        var blocks = new List<TourBlock>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || lines[i].Length == 3) continue;
            var language = lines[i][3..].Trim();
            var body = new List<string>();
            var first = i + 1;
            for (i++; lines[i] != "```"; i++) body.Add(lines[i]);
            blocks.Add(new TourBlock(language, string.Join('\n', body), first + 1));
        }

        return blocks;
    }

    /// <summary>
    /// A bash script running <paramref name="block"/>'s commands one by one, each checked for the
    /// exit code the README gives it. Lines ending in <c>\</c> continue the command.
    /// </summary>
    public static string Script(TourBlock block)
    {
        // Each block runs in its own bash; variables one sets (RUN=...) are kept for the next ones, as in one terminal.
        var script = new StringBuilder("[ -f .tour-vars ] && . ./.tour-vars\n__tour_before=\" $(compgen -v | tr '\\n' ' ') \"\n");
        var command = new StringBuilder();
        var lines = block.Text.Split('\n');
        var commandLine = block.Line;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (command.Length == 0) commandLine = block.Line + index;
            command.Append(line.TrimEnd('\\')).Append(line.EndsWith('\\') ? " " : "");
            if (line.EndsWith('\\')) continue;
            var text = command.ToString().Trim();
            command.Clear();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var expected = ExpectedExit().Match(text) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var quoted = text.Replace("'", "'\\''", StringComparison.Ordinal);
            script.Append("echo '$ ").Append(quoted).Append("'\n");
            script.Append(text).Append('\n');
            script.Append("__rc=$?; if [ $__rc -ne ").Append(expected).Append(" ]; then echo 'tour: README line ")
                .Append(commandLine).Append(": ").Append(quoted).Append("' \"exited $__rc, expected ").Append(expected).Append("\" >&2; exit 1; fi\n");
        }

        script.Append("for __v in $(compgen -v); do case \"$__tour_before\" in *\" $__v \"*) ;; *) [ \"${__v#__}\" = \"$__v\" ] && declare -p \"$__v\" >> .tour-vars ;; esac; done\nexit 0\n");
        return script.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>The repository's root folder.</summary>
    public static string Root => RepositoryRoot();
}
