using System.Diagnostics;

namespace Steward.Cli.Tests.Install;

/// <summary>
/// scripts/install.sh as a user runs it, from another directory, into a tool path of the test's
/// own: the command it installs answers. ~/.dotnet/tools and PATH are left alone.
/// </summary>
public sealed class InstallScriptTests : IDisposable
{
    // The first Release build of the whole solution on a busy machine takes minutes.
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(25);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "steward-install-tests", Guid.NewGuid().ToString("N"));

    [SkippableFact]
    public async Task the_installed_steward_answers_version_and_help()
    {
        Skip.If(FindOnPath("dotnet") is null, "dotnet is not on PATH, so scripts/install.sh cannot pack the CLI");
        Directory.CreateDirectory(_directory);

        // A relative --tool-path is taken from where the script is called, not from the clone.
        var install = await RunAsync("bash", [Path.Combine(RepositoryRoot(), "scripts", "install.sh"), "--tool-path", "tools"], InstallTimeout);
        Assert.True(install.ExitCode == 0, $"install.sh exited {install.ExitCode}:\n{install.Stdout}\n{install.Stderr}");
        var steward = Path.Combine(_directory, "tools", "steward");
        Assert.EndsWith($"installed at {steward}", install.Stdout.TrimEnd(), StringComparison.Ordinal);

        var version = await RunAsync(steward, ["--version"], TimeSpan.FromMinutes(1));
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("0.1.0", version.Stdout, StringComparison.Ordinal);

        var help = await RunAsync(steward, ["--help"], TimeSpan.FromMinutes(1));
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("server", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_option_exits_1_with_one_line()
    {
        Directory.CreateDirectory(_directory);
        var result = await RunAsync("bash", [Path.Combine(RepositoryRoot(), "scripts", "install.sh"), "--global-path", "x"], TimeSpan.FromMinutes(1));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--global-path", Assert.Single(result.Stderr.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = _directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // The test host's MSBuild settings would steer the script's own `dotnet pack`.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList()) info.Environment.Remove(name);

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not exit within {timeout}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
