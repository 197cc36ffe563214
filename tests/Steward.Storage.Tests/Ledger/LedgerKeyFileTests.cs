using Steward.Storage.Ledger;

namespace Steward.Storage.Tests.Ledger;

public sealed class LedgerKeyFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "steward-tests", "key-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void a_created_key_is_the_only_file_left_readable_by_its_owner_alone_and_loads_back()
    {
        var path = Path.Combine(_folder, LedgerKeyFile.DefaultFileName);
        using var created = LedgerKeyFile.LoadOrCreate(path);

        Assert.Equal([LedgerKeyFile.DefaultFileName], Directory.GetFiles(_folder).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        using var loaded = LedgerKeyFile.LoadOrCreate(path);
        Assert.Equal(created.PublicKey, loaded.PublicKey);
    }

    [Fact]
    public void a_temporary_left_by_a_stopped_start_does_not_stand_for_the_key()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, LedgerKeyFile.DefaultFileName);
        File.WriteAllText($"{path}.{Guid.NewGuid():N}.tmp", "-----BEGIN PRIVATE KEY-----\nMIGH");

        using var created = LedgerKeyFile.LoadOrCreate(path);

        Assert.Equal(created.PublicKey, LedgerKeyFile.ReadPublicKey(path));
    }
}
