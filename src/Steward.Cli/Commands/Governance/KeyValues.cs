using Steward.Cli.Infrastructure;

namespace Steward.Cli.Commands.Governance;

/// <summary>Reads <c>key=value</c> option values, refusing any without a key.</summary>
internal static class KeyValues
{
    public static IEnumerable<(string Key, string Value)> Parse(IEnumerable<string>? values, string option)
    {
        foreach (var value in values ?? [])
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new CliException($"{option}: expected key=value, got '{value}'");
            yield return (value[..equals].Trim(), value[(equals + 1)..]);
        }
    }

    /// <summary>Reads a file named on the command line, as a one-line error when it cannot be read.</summary>
    public static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {what} '{path}': {e.Message}");
        }
    }
}
