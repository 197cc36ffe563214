using System.Text.RegularExpressions;
using Steward.Artifacts;
using Steward.Audit;
using Steward.Errors;

namespace Steward.Storage.Artifacts;

/// <summary>
/// Artifacts as files under one root folder. Writes are staged in a temporary file in the target
/// folder (hidden from listings and reads) and renamed into place on commit, so a reader sees the
/// old file or the whole new one, and an upload whose ledger entry fails leaves nothing.
/// </summary>
public sealed partial class LocalArtifactStore : IArtifactStore
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
    public async Task<IStagedArtifactChange> StageWriteAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var target = Resolve(path);
        if (target == _root) throw StewardException.Invalid("An artifact path must name a file");
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, TemporaryName(Path.GetFileName(target)));
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            return new StagedWrite(temporary, target);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<IStagedArtifactChange> StageDeleteAsync(string path, CancellationToken cancellationToken) =>
        // Nothing moves before the commit: a delete the ledger cannot record leaves the file served,
        // and a stop between the entry and the removal leaves a file a retry deletes.
        Task.FromResult<IStagedArtifactChange>(new StagedDelete(Resolve(path)));

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> RemoveAbandonedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var file in new DirectoryInfo(_root).EnumerateFiles(".*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TemporaryPattern().IsMatch(file.Name) || file.LastWriteTimeUtc >= before.UtcDateTime) continue;
            file.Delete();
            removed.Add(Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'));
        }

        return Task.FromResult<IReadOnlyList<string>>(removed);
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

        // Staged writes are the store's own: no client reads, writes or deletes one by its name.
        if (relative.Split('/').Any(segment => TemporaryPattern().IsMatch(segment)))
        {
            throw StewardException.Invalid($"Invalid path '{path}': names like '.<name>.<32 hex digits>.tmp' are reserved for uploads in progress");
        }

        return full;
    }

    private static bool IsTemporary(string name) => TemporaryPattern().IsMatch(name);

    private static string TemporaryName(string fileName) => $".{fileName}.{Guid.NewGuid():N}.tmp";

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryPattern();

    /// <summary>Bytes written under a temporary name beside their target, moved into place on commit.</summary>
    private sealed class StagedWrite(string temporary, string target) : IStagedArtifactChange
    {
        private bool _committed;

        public Task CommitAsync(LedgerReceipt receipt, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(receipt);
            File.Move(temporary, target, overwrite: true);
            _committed = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (!_committed) File.Delete(temporary);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class StagedDelete(string target) : IStagedArtifactChange
    {
        public Task CommitAsync(LedgerReceipt receipt, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(receipt);
            if (File.Exists(target)) File.Delete(target);
            else if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
