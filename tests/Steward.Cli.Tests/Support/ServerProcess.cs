using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Steward.Cli.Tests.Support;

/// <summary>A <c>steward server</c> subprocess on a free port, started and read as a user would.</summary>
internal sealed partial class ServerProcess : IDisposable
{
    private ServerProcess(Process process, Uri address, string storage, string credentials, string? bootstrapToken)
    {
        Process = process;
        Address = address;
        Storage = storage;
        Credentials = credentials;
        BootstrapToken = bootstrapToken;
    }

    [GeneratedRegex(@"listening on (http://\S+) with (.+) \(")]
    private static partial Regex StartupLine();

    [GeneratedRegex(@"with token (stw_\S+)$")]
    private static partial Regex BootstrapLine();

    public Process Process { get; }

    public Uri Address { get; }

    /// <summary>The storage the start-up line names ("SQLite at ...", "PostgreSQL at ...").</summary>
    public string Storage { get; }

    /// <summary>What the server said about credentials at start (its last start-up line).</summary>
    public string Credentials { get; }

    /// <summary>The first admin's token, when the start printed one.</summary>
    public string? BootstrapToken { get; }

    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments)
    {
        // Standard error is read only once the server has stopped: a request line for each of a
        // test's requests would fill the pipe and block the server, so the request log is off
        // unless the test sets a logging level of its own.
        if (environment is null || !environment.Keys.Any(name => name.StartsWith("Logging__", StringComparison.Ordinal)))
        {
            environment = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["Logging__LogLevel__Steward.Requests"] = "Warning" };
        }

        var process = Process.Start(CliRunner.StartInfo(["server", "--port", "0", "--data", dataDirectory, .. arguments], environment))!;
        try
        {
            // The line saying it is starting comes first; the one with the address, when it is ready.
            Match match;
            do
            {
                var line = await ReadLineAsync(process) ?? throw new InvalidOperationException($"the server stopped before it listened\n{await process.StandardError.ReadToEndAsync()}");
                match = StartupLine().Match(line);
            }
            while (!match.Success);

            // The first admin's token, if this start made one, then the line about credentials, which ends the start-up lines.
            string? token = null;
            string credentials;
            while (true)
            {
                credentials = await ReadLineAsync(process) ?? throw new InvalidOperationException($"the server stopped during start-up\n{await process.StandardError.ReadToEndAsync()}");
                if (BootstrapLine().Match(credentials) is { Success: true } bootstrap) token = bootstrap.Groups[1].Value;
                if (credentials.Contains("credentials required", StringComparison.Ordinal)) break;
            }

            return new ServerProcess(process, new Uri(match.Groups[1].Value), match.Groups[2].Value, credentials, token);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    private static Task<string?> ReadLineAsync(Process process) => process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));

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
