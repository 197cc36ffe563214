using Steward.Client;
using Steward.Server.Tests.Support;
using Steward.Tests.Support;
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
        var (source, version) = await MlflowClient.FindAsync();
        Skip.IfNot(File.Exists(Script), $"MLflow client check did not run: the check script is not in this checkout ({Script}).");
        output.WriteLine($"MLflow client {version} from {source}");
        return source;
    }

    private static string Script => Path.Combine(RepositoryRoot(), "tests", "compat", "mlflow_client_check.py");

    private async Task RunCheckAsync(TestServer server, string source, IReadOnlyDictionary<string, string> environment)
    {
        var variables = new Dictionary<string, string>(environment) { ["MLFLOW_TRACKING_URI"] = server.Address.ToString().TrimEnd('/') };
        var run = await MlflowClient.RunAsync([Script], source, variables, TimeSpan.FromMinutes(10));
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"The MLflow client check failed (exit code {run.ExitCode}):\n{run.Output}");
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
