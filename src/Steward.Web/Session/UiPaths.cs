using Microsoft.AspNetCore.Http;

namespace Steward.Web.Session;

/// <summary>Which requests belong to the web UI, and which of those need no signed-in user.</summary>
public static class UiPaths
{
    /// <summary>The sign-in page.</summary>
    public const string SignIn = "/signin";

    /// <summary>Where the UI's own files (its style sheet) are served.</summary>
    public const string Assets = "/ui";

    private static readonly string[] ApiRoots = ["/api", "/ajax-api", "/health", "/version", "/metrics"];

    /// <summary>
    /// True for the UI's pages; false for the JSON APIs and the host's own endpoints, which the
    /// session cookie never authenticates.
    /// </summary>
    public static bool IsUi(PathString path) =>
        !ApiRoots.Any(root => path.StartsWithSegments(root, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for UI paths anyone may load: the sign-in page and the style sheet.</summary>
    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments(SignIn, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Assets, StringComparison.OrdinalIgnoreCase)
        || path.Equals("/favicon.ico", StringComparison.OrdinalIgnoreCase);
}
