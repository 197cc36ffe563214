namespace Steward.Cli.Commands.Governance;

/// <summary>
/// Prints a versioned configuration file (scorecard configuration, lifecycle policy) as stored,
/// byte for byte, so <c>show &gt; file.yaml</c>, an edit and <c>set file.yaml</c> round-trip; what
/// describes it (version, SHA-256, author) goes to standard error, out of the redirected text.
/// </summary>
internal static class StoredText
{
    public static async Task WriteAsync(string what, int version, string sha256, string createdBy, string content)
    {
        var author = version == 0 ? "the shipped default" : $"stored by {createdBy}";
        await Console.Error.WriteLineAsync($"# {what}, version {version} ({author}), sha256 {sha256}");
        await Console.Out.WriteAsync(content);
        await Console.Out.FlushAsync();
    }
}
