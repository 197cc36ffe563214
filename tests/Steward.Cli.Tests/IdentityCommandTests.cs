using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Steward.Cli.Tests.Support;

namespace Steward.Cli.Tests;

/// <summary>
/// <c>steward users|tokens|domains|whoami</c> end to end against a real <c>steward server
/// --require-tokens</c> process, authenticating with the token it printed at its first start.
/// </summary>
public sealed class IdentityCommandTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));
    private ServerProcess _server = null!;

    private string Url => _server.Address.AbsoluteUri.TrimEnd('/');

    /// <summary>The token the first start printed.</summary>
    private string AdminToken { get; set; } = "";

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_dataDirectory, null, "--require-tokens");
        AdminToken = _server.BootstrapToken ?? throw new InvalidOperationException("The first start printed no token.");
    }

    public Task DisposeAsync()
    {
        _server.Dispose();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private Task<CliResult> Steward(string? token, params string[] args) =>
        CliRunner.RunAsync([.. args, "--server", Url, .. token is null ? Array.Empty<string>() : ["--token", token]]);

    private static void AssertOk(CliResult result) => Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}{result.Stdout}");

    private static void AssertRefused(CliResult result, string reason)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("steward: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_server_says_credentials_are_required_and_prints_the_first_admins_token_once()
    {
        Assert.StartsWith("credentials required:", _server.Credentials, StringComparison.Ordinal);
        Assert.Matches("^stw_[A-Za-z0-9_-]{43}$", AdminToken);

        var me = await Steward(AdminToken, "whoami", "-o", "json");
        AssertOk(me);
        Assert.Equal("admin", JsonDocument.Parse(me.Stdout).RootElement.GetProperty("name").GetString());
        AssertRefused(await Steward(null, "whoami"), "Credentials are required");

        _server.Dispose();
        _server = await ServerProcess.StartAsync(_dataDirectory, null, "--require-tokens");
        Assert.Null(_server.BootstrapToken);
        AssertOk(await Steward(AdminToken, "whoami"));
        _server.Dispose();
        _server = await ServerProcess.StartAsync(_dataDirectory, null, "--require-tokens");
    }

    [Fact]
    public async Task domains_users_tokens_and_whoami_from_creation_to_revocation()
    {
        AssertOk(await Steward(AdminToken, "domains", "create", "risk", "--description", "credit risk models"));
        var domains = await Steward(AdminToken, "domains", "list");
        AssertOk(domains);
        Assert.Contains("credit risk models", domains.Stdout, StringComparison.Ordinal);

        var created = await Steward(AdminToken, "users", "create", "alice", "--role", "data-scientist", "--domain", "risk", "--email", "alice@example.org");
        AssertOk(created);
        Assert.Contains("Created user 'alice'", created.Stdout, StringComparison.Ordinal);
        Assert.Contains("alice", (await Steward(AdminToken, "users", "list")).Stdout, StringComparison.Ordinal);
        Assert.Contains("alice", (await Steward(AdminToken, "domains", "show", "risk")).Stdout, StringComparison.Ordinal);

        var token = await Steward(AdminToken, "tokens", "create", "laptop", "--user", "alice", "--expires", "30d");
        AssertOk(token);
        var secret = token.Stdout.Trim();
        Assert.Matches("^stw_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("shown only this once", token.Stderr, StringComparison.Ordinal);

        var whoami = await Steward(secret, "whoami");
        AssertOk(whoami);
        Assert.Contains("alice", whoami.Stdout, StringComparison.Ordinal);
        Assert.Contains("data-scientist", whoami.Stdout, StringComparison.Ordinal);
        foreach (var variable in new[] { "STEWARD_TOKEN", "MLFLOW_TRACKING_TOKEN" })
        {
            var fromEnvironment = await CliRunner.RunAsync(["whoami", "-o", "json", "--server", Url], new Dictionary<string, string?> { [variable] = secret });
            AssertOk(fromEnvironment);
            Assert.Equal("alice", JsonDocument.Parse(fromEnvironment.Stdout).RootElement.GetProperty("name").GetString());
        }

        var experiment = await Steward(secret, "experiments", "create", "alice-churn");
        AssertOk(experiment);
        Assert.Contains("in domain risk", experiment.Stdout, StringComparison.Ordinal);
        AssertRefused(await Steward(secret, "users", "create", "mallory", "--role", "admin"), "may not manage identities");

        var listed = await Steward(secret, "tokens", "list", "-o", "json");
        AssertOk(listed);
        Assert.DoesNotContain(secret[4..], listed.Stdout, StringComparison.Ordinal);
        var id = JsonDocument.Parse(listed.Stdout).RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;

        AssertOk(await Steward(AdminToken, "users", "update", "alice", "--role", "ml-engineer", "--role", "auditor"));
        var shown = await Steward(AdminToken, "users", "show", "alice", "-o", "json");
        Assert.Equal(["ml-engineer", "auditor"], JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var revoked = await Steward(secret, "tokens", "revoke", id);
        AssertOk(revoked);
        Assert.Contains($"Revoked token 'laptop' (id {id})", revoked.Stdout, StringComparison.Ordinal);
        AssertRefused(await Steward(secret, "whoami"), "was revoked");
    }

    [Fact]
    public async Task set_password_reads_standard_input_and_disable_stops_the_user()
    {
        AssertOk(await Steward(AdminToken, "users", "create", "bob", "--role", "auditor"));
        var setPassword = await CliRunner.RunAsync(["users", "set-password", "bob", "--server", Url, "--token", AdminToken], null, "bob's long password\n");
        AssertOk(setPassword);

        using var http = new HttpClient { BaseAddress = _server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:bob's long password")));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/me")).StatusCode);

        var tooShort = await CliRunner.RunAsync(["users", "set-password", "bob", "--server", Url, "--token", AdminToken], null, "short\n");
        Assert.Equal(1, tooShort.ExitCode);
        Assert.Contains("at least 12 characters", tooShort.Stderr, StringComparison.Ordinal);

        AssertOk(await Steward(AdminToken, "users", "disable", "bob"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task a_loopback_server_without_require_tokens_takes_the_cli_for_the_local_admin()
    {
        var data = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var open = await ServerProcess.StartAsync(data);
            Assert.Equal("no credentials required: requests without a token act as local-admin (loopback only)", open.Credentials);
            var me = await CliRunner.RunAsync(["whoami", "--server", open.Address.AbsoluteUri]);
            AssertOk(me);
            Assert.Contains("local-admin", me.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }
}
