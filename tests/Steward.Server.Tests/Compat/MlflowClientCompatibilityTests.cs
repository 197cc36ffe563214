using System.Diagnostics;
using Steward.Client;
using Steward.Server.Tests.Support;
using Xunit.Abstractions;

namespace Steward.Server.Tests.Compat;

/// <summary>
/// Runs the official MLflow Python client against a real Steward server through
/// <c>tests/compat/mlflow_client_check.py</c>: the client must work unchanged.
/// </summary>
/// <remarks>
/// The client comes from <c>MLFLOW_SOURCE</c> (a folder to put on PYTHONPATH) or
/// <c>/opt/mlflow-client/src</c> (<c>scripts/setup-mlflow-client.sh</c> puts it there). When
/// neither exists the check cannot run here and the test is reported skipped with that reason
/// (also when the script is not in the checkout, or the default client cannot be imported); it
/// never counts as passed. A client named by MLFLOW_SOURCE that cannot be imported fails the test.
/// <c>STEWARD_SKIP_MLFLOW_CLIENT=1</c> skips the check explicitly. Against a server that requires
/// credentials the client authenticates as MLflow users do, with <c>MLFLOW_TRACKING_TOKEN</c> or
/// <c>MLFLOW_TRACKING_USERNAME</c>/<c>MLFLOW_TRACKING_PASSWORD</c>, and the script's identity
/// area checks that runs record that user and that domains are enforced.
/// </remarks>
public sealed class MlflowClientCompatibilityTests(ITestOutputHelper output)
{
    private const string Python = "/usr/bin/python3";
    private const string DefaultSource = "/opt/mlflow-client/src";

    [SkippableTheory, Backends]
    public async Task the_official_mlflow_client_works_unchanged_against_steward(Backend backend)
    {
        var source = await ClientSourceAsync();
        await using var server = await TestServer.StartAsync(backend);
        await RunCheckAsync(server, source, new Dictionary<string, string>());
    }

    [SkippableTheory, Backends]
    public async Task the_official_mlflow_client_works_with_mlflow_tracking_token_against_a_server_requiring_credentials(Backend backend)
    {
        var source = await ClientSourceAsync();
        await using var server = await TestServer.StartAsync(backend, requireTokens: true);
        var user = await NewUserAsync(server, "compat-token");
        var token = await user.Admin.CreateTokenAsync(user.Name, "mlflow");
        await RunCheckAsync(server, source, user.Environment(new() { ["MLFLOW_TRACKING_TOKEN"] = token.Secret }));
    }

    [SkippableTheory, Backends]
    public async Task the_official_mlflow_client_works_with_a_user_name_and_password_against_a_server_requiring_credentials(Backend backend)
    {
        var source = await ClientSourceAsync();
        await using var server = await TestServer.StartAsync(backend, requireTokens: true);
        var user = await NewUserAsync(server, "compat-basic");
        const string password = "a password for the mlflow client";
        await user.Admin.SetPasswordAsync(user.Name, password);
        await RunCheckAsync(server, source, user.Environment(new()
        {
            ["MLFLOW_TRACKING_USERNAME"] = user.Name,
            ["MLFLOW_TRACKING_PASSWORD"] = password,
            // The full run is the token test's; this one covers logging, artifacts and identity.
            ["COMPAT_AREAS"] = "fluent tracking,artifacts,identity",
        }));
    }

    /// <summary>An ML engineer in domain compat-a (compat-b exists too), made by the server's first admin.</summary>
    private static async Task<CompatUser> NewUserAsync(TestServer server, string name)
    {
        var admin = new StewardClient(server.Address, server.Server.BootstrapAdmin!.Secret);
        await admin.CreateDomainAsync("compat-a");
        await admin.CreateDomainAsync("compat-b");
        await admin.CreateUserAsync(name, ["ml-engineer"], ["compat-a"]);
        return new CompatUser(name, admin);
    }

    private sealed record CompatUser(string Name, StewardClient Admin)
    {
        public Dictionary<string, string> Environment(Dictionary<string, string> credentials)
        {
            credentials["COMPAT_EXPECT_USER"] = Name;
            credentials["COMPAT_DOMAIN"] = "compat-a";
            credentials["COMPAT_FORBIDDEN_DOMAIN"] = "compat-b";
            return credentials;
        }
    }

    /// <summary>The folder to put on PYTHONPATH for the MLflow client; skips the test, with the reason, when the check cannot run here.</summary>
    private async Task<string> ClientSourceAsync()
    {
        Skip.If(Environment.GetEnvironmentVariable("STEWARD_SKIP_MLFLOW_CLIENT") == "1", "MLflow client check did not run: STEWARD_SKIP_MLFLOW_CLIENT=1.");

        var configured = Environment.GetEnvironmentVariable("MLFLOW_SOURCE") is { Length: > 0 } value ? value : null;
        var source = configured ?? (Directory.Exists(DefaultSource) ? DefaultSource : null);
        Skip.If(source is null || !File.Exists(Python),
            $"MLflow client check did not run: no MLflow client here (run scripts/setup-mlflow-client.sh, or set MLFLOW_SOURCE; it needs {Python}).");
        Skip.IfNot(File.Exists(Script), $"MLflow client check did not run: the check script is not in this checkout ({Script}).");

        var import = await RunPythonAsync(["-c", "import mlflow; print(mlflow.__version__)"], source, trackingUri: null, new Dictionary<string, string>(), TimeSpan.FromMinutes(2));
        if (import.ExitCode != 0)
        {
            // A client named explicitly must work; the default location is only used when usable.
            Assert.True(configured is null, $"MLFLOW_SOURCE={configured} cannot be imported by {Python}:\n{import.Output}");
            throw new SkipException($"MLflow client check did not run: the client at {source} cannot be imported by {Python} (run scripts/setup-mlflow-client.sh): {import.Output.Trim()}");
        }

        output.WriteLine($"MLflow client {import.Output.Trim()} from {source}");
        return source;
    }

    private static string Script => Path.Combine(RepositoryRoot(), "tests", "compat", "mlflow_client_check.py");

    private async Task RunCheckAsync(TestServer server, string source, IReadOnlyDictionary<string, string> environment)
    {
        var run = await RunPythonAsync([Script], source, server.Address.ToString().TrimEnd('/'), environment, TimeSpan.FromMinutes(10));
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"The MLflow client check failed (exit code {run.ExitCode}):\n{run.Output}");
    }

    private static async Task<(int ExitCode, string Output)> RunPythonAsync(
        IEnumerable<string> arguments, string pythonPath, string? trackingUri, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
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
        foreach (var name in new[] { "MLFLOW_TRACKING_TOKEN", "MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD", "COMPAT_AREAS" }) start.Environment.Remove(name);
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }
}
