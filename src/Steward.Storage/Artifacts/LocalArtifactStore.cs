using Steward.Artifacts;
using Steward.Errors;

namespace Steward.Storage.Artifacts;

/// <summary>
/// Artifacts as files under one root folder. Writes go to a temporary file in the target
/// folder and are renamed into place, so a reader sees the old file or the whole new one.
/// </summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    private readonly string _root;

    /// <summary>Creates a store rooted at <paramref name="root"/>; the folder is created when missing.</summary>
    /// <param name="root">The folder artifacts are kept in.</param>
    /// <param name="create">Create the folder now (false when the storage is only read, e.g. to verify it).</param>
    public LocalArtifactStore(string root, bool create = true)
    {
        _root = Path.GetFullPath(root);
        if (create) Directory.CreateDirectory(_root);
    }

    /// <summary>The absolute root folder.</summary>
    public string Root => _root;

    /// <inheritdoc/>
    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var target = Resolve(path);
        if (target == _root) throw StewardException.Invalid("An artifact path must name a file");
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var target = Resolve(path);
        if (!File.Exists(target)) return Task.FromResult<Stream?>(null);
        return Task.FromResult<Stream?>(new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ArtifactFile>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var directory = new DirectoryInfo(Resolve(path));
        if (!directory.Exists) return Task.FromResult<IReadOnlyList<ArtifactFile>>([]);
        var files = directory.EnumerateFileSystemInfos()
            .Where(info => !IsTemporary(info.Name))
            .OrderBy(info => info.Name, StringComparer.Ordinal)
            .Select(info => info is FileInfo file
                ? new ArtifactFile(file.Name, false, file.Length)
                : new ArtifactFile(info.Name, true, null))
            .ToList();
        return Task.FromResult<IReadOnlyList<ArtifactFile>>(files);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var target = Resolve(path);
        if (File.Exists(target)) File.Delete(target);
        else if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The absolute path for a store path, refusing anything that would land outside the root
    /// even if it slipped past <see cref="ArtifactPath.Normalize"/> (symlinked segments aside).
    /// </summary>
    private string Resolve(string path)
    {
        var relative = ArtifactPath.Normalize(path);
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw StewardException.Invalid($"Invalid path '{path}'");
        }

        return full;
    }

    private static bool IsTemporary(string name) => name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal);
}
