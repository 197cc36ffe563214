using Steward.Errors;

namespace Steward.Server.ModelAudits;

/// <summary>
/// The folder whose files audits run through the API may read. A client names a data set by a
/// path inside it; anything that resolves outside it (an absolute path elsewhere, <c>..</c>, a
/// symbolic link pointing out) is refused, so the API cannot be used to read the server's files.
/// </summary>
internal sealed class DataSetFolder(string root)
{
    /// <summary>The folder, as a full path.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The full path of data set <paramref name="path"/> given in request field <paramref name="field"/>.</summary>
    public string Resolve(string? path, string field)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw StewardException.Invalid($"Missing value for required parameter '{field}': name a data set file inside the server's data-set folder.");
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));
        if (!IsInside(full))
            throw StewardException.Invalid($"Invalid value '{path}' for parameter '{field}': data sets must be inside the server's data-set folder.");
        if (!File.Exists(full))
            throw StewardException.NotFound($"Data set '{path}' (parameter '{field}') does not exist in the server's data-set folder.");
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        if (target is not null && !IsInside(Path.GetFullPath(target.FullName)))
            throw StewardException.Invalid($"Invalid value '{path}' for parameter '{field}': data sets must be inside the server's data-set folder.");
        return full;
    }

    /// <summary>The path as clients name it: relative to the folder.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private bool IsInside(string full) =>
        full.StartsWith(Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
