using Steward.Errors;

namespace Steward.Artifacts;

/// <summary>Checks and joins artifact paths so that no request can reach outside its root.</summary>
public static class ArtifactPath
{
    /// <summary>URI scheme of artifacts served by Steward's own artifact proxy.</summary>
    public const string ProxyScheme = "mlflow-artifacts:";

    /// <summary>
    /// Returns a clean relative path ("" for the root), or throws for absolute paths, <c>..</c>
    /// segments, backslashes, <c>#</c> and NUL characters.
    /// </summary>
    public static string Normalize(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "";
        if (path.StartsWith('/') || path.Contains('\\') || path.Contains('#') || path.Contains('\0') || (path.Length > 1 && path[1] == ':'))
        {
            throw StewardException.Invalid($"Invalid path '{path}'");
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is ".." or "."))
        {
            throw StewardException.Invalid($"Invalid path '{path}'");
        }

        return string.Join('/', segments);
    }

    /// <summary>Joins a root and a relative path that has already been normalized.</summary>
    public static string Combine(string root, string relative) =>
        relative.Length == 0 ? root : root.Length == 0 ? relative : $"{root}/{relative}";

    /// <summary>
    /// The store-relative root of an artifact URI served by the proxy
    /// (<c>mlflow-artifacts:/3/abc/artifacts</c> → <c>3/abc/artifacts</c>), or null for URIs
    /// that live elsewhere.
    /// </summary>
    public static string? ProxyRoot(string artifactUri)
    {
        if (!artifactUri.StartsWith(ProxyScheme, StringComparison.Ordinal)) return null;
        return Normalize(artifactUri[ProxyScheme.Length..].TrimStart('/'));
    }
}
