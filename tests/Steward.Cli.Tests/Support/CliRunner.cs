using System.Diagnostics;
using System.Reflection;

namespace Steward.Cli.Tests.Support;

/// <summary>The result of one <c>steward</c> invocation.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the built <c>steward</c> executable (<c>dotnet steward.dll</c>) as a subprocess with a
/// clean environment: no Steward or MLflow variables leak in from the machine running the tests.
/// </summary>
internal static class CliRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string StewardDll { get; } = FindStewardDll();

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, bool redirectInput = false)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(StewardDll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var name in new[] { "STEWARD_URL", "STEWARD_DB", "STEWARD_TOKEN", "MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_TOKEN" }) info.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) info.Environment[name] = value;
        return info;
    }

    /// <param name="args">The arguments after <c>steward</c>.</param>
    /// <param name="environment">Variables to set (null removes one).</param>
    /// <param name="input">Written to standard input, which is then closed; null leaves it the terminal's.</param>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? input = null)
    {
        using var process = Process.Start(StartInfo(args, environment, redirectInput: input is not null))!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"steward {string.Join(' ', args)} did not exit within {Timeout.TotalSeconds} s");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, null);

    /// <summary>artifacts/bin/Steward.Cli/&lt;configuration&gt;/steward.dll under the repository root.</summary>
    private static string FindStewardDll()
    {
        var configuration = (typeof(CliRunner).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug").ToLowerInvariant();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) continue;
            var dll = Path.Combine(dir.FullName, "artifacts", "bin", "Steward.Cli", configuration, "steward.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the CLI first: {dll} is missing.");
        }

        throw new DirectoryNotFoundException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }
}
