using System.Diagnostics;
using Steward.Server.Tests.Support;
using Xunit.Abstractions;

namespace Steward.Server.Tests.Compat;

/// <summary>
/// Runs the official MLflow Python client against a real Steward server through
/// <c>tests/compat/mlflow_client_check.py</c>: the client must work unchanged.
/// </summary>
/// <remarks>
/// The client comes from <c>MLFLOW_SOURCE</c> (a folder to put on PYTHONPATH) or
/// <c>/opt/mlflow-client/src</c>. When neither exists the check cannot run here: the test
/// passes and says so in its output (also when the script is not in the checkout, or the
/// default client cannot be imported). A client named by MLFLOW_SOURCE that cannot be imported
/// fails the test.
/// <c>STEWARD_SKIP_MLFLOW_CLIENT=1</c> skips the check explicitly.
/// </remarks>
public sealed class MlflowClientCompatibilityTests(ITestOutputHelper output)
{
    private const string Python = "/usr/bin/python3";
    private const string DefaultSource = "/opt/mlflow-client/src";

    [Theory, Backends]
    public async Task the_official_mlflow_client_works_unchanged_against_steward(Backend backend)
    {
        if (Environment.GetEnvironmentVariable("STEWARD_SKIP_MLFLOW_CLIENT") == "1")
        {
            output.WriteLine("MLflow client check did not run: STEWARD_SKIP_MLFLOW_CLIENT=1.");
            return;
        }

        var configured = Environment.GetEnvironmentVariable("MLFLOW_SOURCE") is { Length: > 0 } value ? value : null;
        var source = configured ?? (Directory.Exists(DefaultSource) ? DefaultSource : null);
        if (source is null || !File.Exists(Python))
        {
            output.WriteLine($"MLflow client check did not run: no MLflow client here (set MLFLOW_SOURCE, or install it at {DefaultSource}, with {Python}).");
            return;
        }

        var script = Path.Combine(RepositoryRoot(), "tests", "compat", "mlflow_client_check.py");
        if (!File.Exists(script))
        {
            output.WriteLine($"MLflow client check did not run: the check script is not in this checkout ({script}).");
            return;
        }

        var import = await RunPythonAsync(["-c", "import mlflow; print(mlflow.__version__)"], source, trackingUri: null, TimeSpan.FromMinutes(2));
        if (import.ExitCode != 0)
        {
            // A client named explicitly must work; the default location is only used when usable.
            Assert.True(configured is null, $"MLFLOW_SOURCE={configured} cannot be imported by {Python}:\n{import.Output}");
            output.WriteLine($"MLflow client check did not run: the client at {source} cannot be imported by {Python} (run scripts/setup-mlflow-client.sh):\n{import.Output}");
            return;
        }

        output.WriteLine($"MLflow client {import.Output.Trim()} from {source}");

        await using var server = await TestServer.StartAsync(backend);
        var run = await RunPythonAsync([script], source, server.Address.ToString().TrimEnd('/'), TimeSpan.FromMinutes(10));
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"The MLflow client check failed (exit code {run.ExitCode}):\n{run.Output}");
    }

    private static async Task<(int ExitCode, string Output)> RunPythonAsync(IEnumerable<string> arguments, string pythonPath, string? trackingUri, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PYTHONPATH"] = pythonPath;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        // The client's retries would turn a wrong answer into minutes of waiting; one try tells enough.
        start.Environment["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0";
        if (trackingUri is not null) start.Environment["MLFLOW_TRACKING_URI"] = trackingUri;

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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }
}
