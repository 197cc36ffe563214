using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Steward.Cli.Tests.Support;

/// <summary>A <c>steward server</c> subprocess on a free port, started and read as a user would.</summary>
internal sealed partial class ServerProcess : IDisposable
{
    private ServerProcess(Process process, Uri address, string storage)
    {
        Process = process;
        Address = address;
        Storage = storage;
    }

    [GeneratedRegex(@"listening on (http://\S+) with (.+) \(")]
    private static partial Regex StartupLine();

    public Process Process { get; }

    public Uri Address { get; }

    /// <summary>The storage the start-up line names ("SQLite at ...", "PostgreSQL at ...").</summary>
    public string Storage { get; }

    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var process = Process.Start(CliRunner.StartInfo(["server", "--port", "0", "--data", dataDirectory], environment))!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var match = StartupLine().Match(line ?? "");
            if (!match.Success)
            {
                throw new InvalidOperationException($"unexpected start-up line: {line}\n{await process.StandardError.ReadToEndAsync()}");
            }

            return new ServerProcess(process, new Uri(match.Groups[1].Value), match.Groups[2].Value);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the server with SIGKILL: no shutdown code of its own runs.</summary>
    public void KillHard()
    {
        Process.Kill();
        Process.WaitForExit();
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
