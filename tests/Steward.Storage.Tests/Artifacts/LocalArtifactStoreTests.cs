using System.Text;
using Steward.Artifacts;
using Steward.Errors;
using Steward.Storage.Artifacts;

namespace Steward.Storage.Tests.Artifacts;

public sealed class LocalArtifactStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "steward-tests", "artifacts-" + Guid.NewGuid().ToString("N"));
    private readonly LocalArtifactStore _store;

    public LocalArtifactStoreTests() => _store = new LocalArtifactStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

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
        await _store.WriteAsync("1/run/artifacts/model/MLmodel", Text("first version, longer"), CancellationToken.None);
        await _store.WriteAsync("1/run/artifacts/model/MLmodel", Text("second"), CancellationToken.None);
        Assert.Equal("second", await ReadAsync("1/run/artifacts/model/MLmodel"));
        Assert.Null(await ReadAsync("1/run/artifacts/model/absent"));
    }

    [Fact]
    public async Task failed_write_leaves_the_old_file_and_no_temporary_files()
    {
        await _store.WriteAsync("a/file.txt", Text("old"), CancellationToken.None);
        await Assert.ThrowsAsync<IOException>(() => _store.WriteAsync("a/file.txt", new FailingStream(), CancellationToken.None));
        Assert.Equal("old", await ReadAsync("a/file.txt"));
        Assert.Equal(["file.txt"], Directory.GetFiles(Path.Combine(_root, "a")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task list_gives_direct_children_with_basenames_and_sizes()
    {
        await _store.WriteAsync("r/artifacts/model/MLmodel", Text("12345"), CancellationToken.None);
        await _store.WriteAsync("r/artifacts/model/data/weights.bin", Text("1"), CancellationToken.None);
        await _store.WriteAsync("r/artifacts/metrics.json", Text("{}"), CancellationToken.None);

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
        await _store.WriteAsync("r/a.txt", Text("a"), CancellationToken.None);
        await _store.WriteAsync("r/dir/b.txt", Text("b"), CancellationToken.None);
        await _store.DeleteAsync("r/a.txt", CancellationToken.None);
        Assert.Null(await ReadAsync("r/a.txt"));
        await _store.DeleteAsync("r/dir", CancellationToken.None);
        Assert.Empty(await _store.ListAsync("r", CancellationToken.None));
        await _store.DeleteAsync("r/never-there", CancellationToken.None);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("a/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\..\\..\\x")]
    [InlineData("C:/windows")]
    public async Task paths_escaping_the_root_are_refused(string path)
    {
        var error = await Assert.ThrowsAsync<StewardException>(() => _store.WriteAsync(path, Text("x"), CancellationToken.None));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        await Assert.ThrowsAsync<StewardException>(() => _store.OpenReadAsync(path, CancellationToken.None));
        await Assert.ThrowsAsync<StewardException>(() => _store.ListAsync(path, CancellationToken.None));
        await Assert.ThrowsAsync<StewardException>(() => _store.DeleteAsync(path, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "outside.txt")));
    }

    [Fact]
    public async Task the_root_itself_cannot_be_written_or_deleted_as_a_file()
    {
        await Assert.ThrowsAsync<StewardException>(() => _store.WriteAsync("", Text("x"), CancellationToken.None));
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
