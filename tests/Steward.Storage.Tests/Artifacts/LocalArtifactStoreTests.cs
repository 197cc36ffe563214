using System.Text;
using Steward.Artifacts;
using Steward.Errors;
using Steward.Audit;
using Steward.Storage.Artifacts;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Artifacts;

/// <summary>The local artifact store; changes are committed with the receipt of an entry recorded in a real ledger, as the service does.</summary>
public sealed class LocalArtifactStoreTests : IDisposable, IClassFixture<SqliteFixture>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "steward-tests", "artifacts-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteFixture _fixture;
    private readonly LocalArtifactStore _store;

    public LocalArtifactStoreTests(SqliteFixture fixture)
    {
        _fixture = fixture;
        _store = new LocalArtifactStore(_root);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>The receipt of a recorded entry, which a staged change needs to take effect.</summary>
    private Task<LedgerReceipt> RecordAsync() => _fixture.Storage.Ledger.AppendAsync(TestChange.Next(), CancellationToken.None);

    /// <summary>A write whose ledger entry committed: staged, recorded, then committed.</summary>
    private async Task WriteAsync(string path, Stream content)
    {
        await using var write = await _store.StageWriteAsync(path, content, CancellationToken.None);
        await write.CommitAsync(await RecordAsync(), CancellationToken.None);
    }

    private async Task DeleteAsync(string path)
    {
        await using var delete = await _store.StageDeleteAsync(path, CancellationToken.None);
        await delete.CommitAsync(await RecordAsync(), CancellationToken.None);
    }

    private async Task<string?> ReadAsync(string path)
    {
        await using var stream = await _store.OpenReadAsync(path, CancellationToken.None);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task written_file_reads_back_and_overwrites_whole()
    {
        await WriteAsync("1/run/artifacts/model/MLmodel", Text("first version, longer"));
        await WriteAsync("1/run/artifacts/model/MLmodel", Text("second"));
        Assert.Equal("second", await ReadAsync("1/run/artifacts/model/MLmodel"));
        Assert.Null(await ReadAsync("1/run/artifacts/model/absent"));
    }

    [Fact]
    public async Task failed_write_leaves_the_old_file_and_no_temporary_files()
    {
        await WriteAsync("a/file.txt", Text("old"));
        await Assert.ThrowsAsync<IOException>(() => WriteAsync("a/file.txt", new FailingStream()));
        Assert.Equal("old", await ReadAsync("a/file.txt"));
        Assert.Equal(["file.txt"], Directory.GetFiles(Path.Combine(_root, "a")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task list_gives_direct_children_with_basenames_and_sizes()
    {
        await WriteAsync("r/artifacts/model/MLmodel", Text("12345"));
        await WriteAsync("r/artifacts/model/data/weights.bin", Text("1"));
        await WriteAsync("r/artifacts/metrics.json", Text("{}"));

        Assert.Equal(
            [new ArtifactFile("metrics.json", false, 2), new ArtifactFile("model", true, null)],
            await _store.ListAsync("r/artifacts", CancellationToken.None));
        Assert.Equal(
            [new ArtifactFile("MLmodel", false, 5), new ArtifactFile("data", true, null)],
            await _store.ListAsync("r/artifacts/model", CancellationToken.None));
        Assert.Empty(await _store.ListAsync("r/nothing-here", CancellationToken.None));
        Assert.Equal([new ArtifactFile("r", true, null)], await _store.ListAsync("", CancellationToken.None));
    }

    [Fact]
    public async Task delete_removes_a_file_or_a_whole_directory()
    {
        await WriteAsync("r/a.txt", Text("a"));
        await WriteAsync("r/dir/b.txt", Text("b"));
        await DeleteAsync("r/a.txt");
        Assert.Null(await ReadAsync("r/a.txt"));
        await DeleteAsync("r/dir");
        Assert.Empty(await _store.ListAsync("r", CancellationToken.None));
        await DeleteAsync("r/never-there");
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("a/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\..\\..\\x")]
    [InlineData("C:/windows")]
    public async Task paths_escaping_the_root_are_refused(string path)
    {
        var error = await Assert.ThrowsAsync<StewardException>(() => _store.StageWriteAsync(path, Text("x"), CancellationToken.None));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        await Assert.ThrowsAsync<StewardException>(() => _store.OpenReadAsync(path, CancellationToken.None));
        await Assert.ThrowsAsync<StewardException>(() => _store.ListAsync(path, CancellationToken.None));
        await Assert.ThrowsAsync<StewardException>(() => _store.StageDeleteAsync(path, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "outside.txt")));
    }

    [Fact]
    public async Task the_root_itself_cannot_be_written_or_deleted_as_a_file()
    {
        await Assert.ThrowsAsync<StewardException>(() => WriteAsync("", Text("x")));
    }

    [Fact]
    public async Task a_staged_write_is_invisible_until_committed_and_gone_when_disposed_uncommitted()
    {
        await WriteAsync("a/file.txt", Text("old"));
        await using (var write = await _store.StageWriteAsync("a/file.txt", Text("new"), CancellationToken.None))
        {
            Assert.Equal("old", await ReadAsync("a/file.txt"));
            Assert.Equal([new ArtifactFile("file.txt", false, 3)], await _store.ListAsync("a", CancellationToken.None));
        }

        Assert.Equal("old", await ReadAsync("a/file.txt"));
        Assert.Equal(["file.txt"], Directory.GetFiles(Path.Combine(_root, "a")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task a_staged_delete_disposed_uncommitted_leaves_the_file()
    {
        await WriteAsync("a/file.txt", Text("kept"));
        await using (await _store.StageDeleteAsync("a/file.txt", CancellationToken.None))
        {
        }

        Assert.Equal("kept", await ReadAsync("a/file.txt"));
    }

    [Fact]
    public async Task names_of_staged_writes_cannot_be_read_written_or_deleted_by_path()
    {
        var reserved = $"a/.file.txt.{Guid.NewGuid():N}.tmp";
        Assert.Equal(ErrorCode.InvalidParameterValue, (await Assert.ThrowsAsync<StewardException>(() => _store.StageWriteAsync(reserved, Text("x"), CancellationToken.None))).Code);
        await Assert.ThrowsAsync<StewardException>(() => _store.OpenReadAsync(reserved, CancellationToken.None));
        await Assert.ThrowsAsync<StewardException>(() => _store.StageDeleteAsync(reserved, CancellationToken.None));
        await WriteAsync("a/.hidden.tmp", Text("an ordinary file"));
        Assert.Equal("an ordinary file", await ReadAsync("a/.hidden.tmp"));
    }

    [Fact]
    public async Task abandoned_staged_writes_older_than_the_cutoff_are_removed_and_newer_ones_kept()
    {
        await WriteAsync("a/file.txt", Text("kept"));
        var old = Path.Combine(_root, "a", $".model.bin.{Guid.NewGuid():N}.tmp");
        var recent = Path.Combine(_root, "a", $".other.bin.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(old, "half");
        await File.WriteAllTextAsync(recent, "in progress");
        var cutoff = DateTimeOffset.UtcNow.AddMinutes(-30);
        File.SetLastWriteTimeUtc(old, cutoff.UtcDateTime.AddMinutes(-1));

        var removed = await _store.RemoveAbandonedAsync(cutoff, CancellationToken.None);

        Assert.Equal([$"a/{Path.GetFileName(old)}"], removed);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.Equal("kept", await ReadAsync("a/file.txt"));
    }

    /// <summary>A stream that fails halfway, as a dropped upload does.</summary>
    private sealed class FailingStream : Stream
    {
        private int _reads;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_reads++ > 0) throw new IOException("connection reset");
            buffer[offset] = (byte)'x';
            return 1;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
