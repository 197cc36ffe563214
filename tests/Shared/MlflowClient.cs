using System.Diagnostics;

namespace Steward.Tests.Support;

/// <summary>
/// The official MLflow Python client, where this machine has it: from <c>MLFLOW_SOURCE</c> (a
/// folder to put on PYTHONPATH) or <c>/opt/mlflow-client/src</c>
/// (<c>scripts/setup-mlflow-client.sh</c> puts it there), run by Debian's <c>/usr/bin/python3</c>.
/// A test that needs it and finds none is skipped with the reason, never passed; a client named
/// by <c>MLFLOW_SOURCE</c> that cannot be imported fails it. <c>STEWARD_SKIP_MLFLOW_CLIENT=1</c>
/// skips explicitly.
/// </summary>
internal static class MlflowClient
{
    public const string Python = "/usr/bin/python3";
    private const string DefaultSource = "/opt/mlflow-client/src";

    /// <summary>The folder to put on PYTHONPATH and the client's version; skips the calling test when the client cannot run here.</summary>
    public static async Task<(string Source, string Version)> FindAsync()
    {
        Skip.If(Environment.GetEnvironmentVariable("STEWARD_SKIP_MLFLOW_CLIENT") == "1", "MLflow client check did not run: STEWARD_SKIP_MLFLOW_CLIENT=1.");

        var configured = Environment.GetEnvironmentVariable("MLFLOW_SOURCE") is { Length: > 0 } value ? value : null;
        var source = configured ?? (Directory.Exists(DefaultSource) ? DefaultSource : null);
        Skip.If(source is null || !File.Exists(Python),
            $"MLflow client check did not run: no MLflow client here (run scripts/setup-mlflow-client.sh, or set MLFLOW_SOURCE; it needs {Python}).");

        var import = await RunAsync(["-c", "import mlflow; print(mlflow.__version__)"], source!, new Dictionary<string, string>(), TimeSpan.FromMinutes(2));
        if (import.ExitCode != 0)
        {
            // A client named explicitly must work; the default location is only used when usable.
            Assert.True(configured is null, $"MLFLOW_SOURCE={configured} cannot be imported by {Python}:\n{import.Output}");
            throw new SkipException($"MLflow client check did not run: the client at {source} cannot be imported by {Python} (run scripts/setup-mlflow-client.sh): {import.Output.Trim()}");
        }

        return (source!, import.Output.Trim());
    }

    /// <summary>
    /// Runs <paramref name="program"/> (<c>python3</c>'s arguments, or <c>bash</c> and a script when
    /// <paramref name="program"/> names it) with the client on PYTHONPATH; stdout and stderr together.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IEnumerable<string> arguments, string source, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string program = Python, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PYTHONPATH"] = source;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        // The client's retries would turn a wrong answer into minutes of waiting; one try tells enough.
        start.Environment["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0";
        foreach (var name in new[] { "MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_TOKEN", "MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD", "COMPAT_AREAS" }) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
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
            return (-1, $"Timed out after {timeout}.\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
