namespace Steward.Governance.Configuration;

/// <summary>The configuration files shipped inside Steward (<c>Governance/Defaults/*.yaml</c>).</summary>
internal static class ShippedFiles
{
    private const string Prefix = "Steward.Governance.Defaults.";

    /// <summary>The text of a shipped file, e.g. <c>scorecard.yaml</c>.</summary>
    public static string Read(string fileName)
    {
        using var stream = typeof(ShippedFiles).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"No shipped governance file named {fileName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The names of shipped files whose name starts with <paramref name="prefix"/>, e.g. <c>checklist-</c>.</summary>
    public static IEnumerable<string> Named(string prefix) =>
        typeof(ShippedFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal);
}
