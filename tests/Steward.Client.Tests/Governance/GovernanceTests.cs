using System.Net;
using System.Text;
using System.Text.Json;
using Steward.Tests.Support;

namespace Steward.Client.Tests.Governance;

/// <summary>Shared helpers of the governance end-to-end tests: models to govern, raw problem responses, ledger reads.</summary>
public abstract class GovernanceTests(GovernanceServerFixture server)
{
    protected GovernanceServerFixture Server => server;

    protected StewardClient Client => server.Client;

    /// <summary>A registered model whose versions come from one run with params, metrics and data set inputs.</summary>
    protected async Task<(string Name, string RunId)> NewModelAsync(int versions = 1, IReadOnlyDictionary<string, string>? parameters = null, params string[] datasets)
    {
        var run = await Client.CreateRunAsync(null);
        await Client.LogBatchAsync(run.RunId, [new Metric("auc", 0.81, 1_700_000_000_000, 0)], parameters ?? new Dictionary<string, string> { ["learning_rate"] = "0.05" });
        if (datasets.Length > 0)
        {
            await Client.LogInputsAsync(run.RunId, datasets.Select(d =>
                new DatasetInput(new Dataset(d, Guid.NewGuid().ToString("N")[..8], "local", $"{{\"uri\":\"{d}\"}}"), new Dictionary<string, string> { ["mlflow.data.context"] = "training" })).ToList());
        }

        var model = await Client.CreateModelAsync(StewardServerFixture.Unique("gov"));
        for (var i = 0; i < versions; i++) await Client.CreateModelVersionAsync(model.Name, $"runs:/{run.RunId}/model", run.RunId);
        return (model.Name, run.RunId);
    }

    /// <summary>A model in <paramref name="domain"/> (created if need be) with a governance record, which takes the model's domain.</summary>
    protected async Task<string> GovernedModelAsync(string domain = "emea", params string[] checklists)
    {
        var (name, _) = await NewModelAsync();
        await MoveAsync(name, domain);
        await Client.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest("alice", Target: "churn", Checklists: checklists));
        return name;
    }

    /// <summary>Moves a model to <paramref name="domain"/> as the admin does, creating the domain if it does not exist yet.</summary>
    protected async Task MoveAsync(string name, string domain)
    {
        await EnsureDomainAsync(domain);
        await Client.SetModelDomainAsync(name, domain);
    }

    /// <summary>Creates a domain unless it exists.</summary>
    protected async Task EnsureDomainAsync(string domain)
    {
        try
        {
            await Client.CreateDomainAsync(domain);
        }
        catch (StewardApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            // Made by an earlier test of the same server.
        }
    }

    /// <summary>Sends a raw request and returns the status and the body as JSON.</summary>
    protected async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Asserts a problem+json answer with the given status and returns its detail.</summary>
    protected async Task<string> ProblemAsync(HttpStatusCode expected, HttpMethod method, string path, string? json = null)
    {
        var (status, body, mediaType) = await SendAsync(method, path, json);
        Assert.True(status == expected, $"Expected {(int)expected}, got {(int)status}: {body}");
        Assert.Equal("application/problem+json", mediaType);
        return body.GetProperty("detail").GetString()!;
    }

    /// <summary>The actions of the ledger entries about a resource and everything below it.</summary>
    protected async Task<List<string>> LedgerActionsAsync(string resource) =>
        (await Client.ListLedgerEntriesAsync(new LedgerEntrySearch { Resource = resource })).Entries.Select(e => e.Action).ToList();

    protected static StewardApiException Refused(HttpStatusCode status, StewardApiException error)
    {
        Assert.Equal(status, error.StatusCode);
        return error;
    }
}
