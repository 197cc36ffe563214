using System.Diagnostics;
using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests.Server;

/// <summary><c>steward server</c> says it is starting, and where its data goes, before it opens anything.</summary>
public sealed class ServerStartLineTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task the_first_line_names_the_data_folder_and_the_database_kind_before_the_address()
    {
        using var process = Process.Start(CliRunner.StartInfo(["server", "--port", "0", "--data", _dataDirectory]))!;
        try
        {
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var second = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal($"Starting Steward: data folder {_dataDirectory}, SQLite database ...", first);
            Assert.StartsWith("Steward listening on http://", second, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}
