using Steward.Client;
using Steward.Server;

namespace Steward.Tests.Support;

/// <summary>
/// A real server that requires tokens, with two users — the first admin and Audrey, an auditor
/// who may read but neither write the registry nor run audits — and, in its data-set folder, the
/// repository's COMPAS and Telco files and a scored Telco file, for audits run through the API.
/// </summary>
public sealed class TokenServerFixture : IAsyncLifetime
{
    private StewardServer? _server;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "steward-tests", Guid.NewGuid().ToString("N"));

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The server has not started.");

    public string Url => Address.AbsoluteUri.TrimEnd('/');

    public string AdminToken { get; private set; } = "";

    /// <summary>The auditor's token: reads succeed, registry writes and audits are refused.</summary>
    public string AuditorToken { get; private set; } = "";

    /// <summary>A client acting as the admin.</summary>
    public StewardClient Admin { get; private set; } = null!;

    /// <summary>A client acting as the auditor.</summary>
    public StewardClient Auditor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dataSets = Path.Combine(DataDirectory, "datasets");
        Directory.CreateDirectory(dataSets);
        var repo = RepositoryRoot();
        File.Copy(Path.Combine(repo, "datasets", "compas", "compas-scores-two-years.csv"), Path.Combine(dataSets, "compas.csv"));
        File.Copy(Path.Combine(repo, "datasets", "telco-churn", "telco-customer-churn.csv"), Path.Combine(dataSets, "telco.csv"));
        File.Copy(Path.Combine(repo, "tests", "Steward.Stats.Tests", "Reference", "telco_scored.csv"), Path.Combine(dataSets, "telco_scored.csv"));

        _server = await StewardServer.StartAsync(
            new StewardServerOptions { Host = "127.0.0.1", Port = 0, DataDirectory = DataDirectory, RequireTokens = true },
            CancellationToken.None);
        AdminToken = _server.BootstrapAdmin!.Secret;
        Admin = new StewardClient(_server.Address, AdminToken);
        await Admin.CreateUserAsync("audrey", ["auditor"], null, "Audrey Klein");
        AuditorToken = (await Admin.CreateTokenAsync("audrey", "tests")).Secret;
        Auditor = new StewardClient(_server.Address, AuditorToken);
    }

    /// <summary>A new model with one version from a new run of a new experiment; returns the model's name and the run.</summary>
    public async Task<(string Model, Run Run)> NewVersionAsync(string prefix)
    {
        var experiment = await Admin.CreateExperimentAsync(StewardServerFixture.Unique(prefix));
        var run = await Admin.CreateRunAsync(experiment.ExperimentId);
        var model = StewardServerFixture.Unique(prefix);
        await Admin.CreateModelAsync(model);
        await Admin.CreateModelVersionAsync(model, $"runs:/{run.RunId}/model", run.RunId);
        return (model, run);
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        Auditor?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left in the temp folder; it holds nothing of value.
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"No Steward.slnx above {AppContext.BaseDirectory}.");
    }
}
