using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Steward.Client;
using Steward.Contracts.Identity;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Artifacts;

/// <summary>
/// An experiment's artifact location cannot reach into another experiment's or run's folder,
/// and every write lands only where its caller may write: a data scientist of one domain
/// cannot plant files in another domain's runs, whatever location or path they name.
/// </summary>
public sealed class ArtifactLocationTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    private const string Proxy = "/api/2.0/mlflow-artifacts/artifacts";

    private sealed record Victim(Caller User, string ExperimentId, string RunId);

    private static async Task<Victim> VictimAsync(SecuredServer server)
    {
        var bob = await server.NewUserAsync("bob", ["data-scientist"], "loc-b");
        var experiment = await bob.Client.CreateExperimentAsync($"b-{Guid.NewGuid():N}");
        var run = await bob.Client.CreateRunAsync(experiment.ExperimentId);
        return new Victim(bob, experiment.ExperimentId, run.RunId);
    }

    private static async Task<int> UploadsByAsync(SecuredServer server, string actor) =>
        (await server.Admin.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?action=artifact.upload&actor={actor}&maxResults=1000"))
            .GetProperty("entries").GetArrayLength();

    private static async Task<HttpStatusCode> PutAsync(Caller caller, string url)
    {
        using var response = await caller.Http.PutAsync(url, new ByteArrayContent("planted"u8.ToArray()));
        return response.StatusCode;
    }

    /// <summary>Sets an experiment's stored location as an older server, which did not check locations, could have.</summary>
    private static async Task SetLocationAsOfOldAsync(SecuredServer server, string experimentId, string location)
    {
        var options = server.Server.Options;
        await using DbConnection connection = options.Database is { } postgres
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={Path.Combine(options.DataDirectory, "steward.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE experiments SET artifact_location = '{location}' WHERE experiment_id = {experimentId}";
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [SkippableTheory, Backends]
    public async Task an_experiment_cannot_take_another_domains_run_folder_as_its_artifact_location(Backend backend)
    {
        var server = await servers.For(backend);
        var victim = await VictimAsync(server);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "loc-a");
        var location = $"mlflow-artifacts:/{victim.ExperimentId}/{victim.RunId}/artifacts";
        var name = $"a-{Guid.NewGuid():N}";

        var message = (await alice.Mlflow.PostAsync("experiments/create", new { name, artifact_location = location })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("artifact_location", message, StringComparison.Ordinal);
        var native = await Assert.ThrowsAsync<StewardApiException>(() => alice.Client.CreateExperimentAsync(name, artifactLocation: location));
        Assert.Equal(HttpStatusCode.BadRequest, native.StatusCode);
        (await alice.Mlflow.GetAsync($"experiments/get-by-name?experiment_name={name}")).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [SkippableTheory, Backends]
    public async Task an_artifact_location_in_the_served_store_must_be_a_folder_no_other_experiment_uses(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "loc-a");
        var team = $"team-{Guid.NewGuid():N}";
        var own = await alice.Client.CreateExperimentAsync($"a-{Guid.NewGuid():N}", artifactLocation: $"mlflow-artifacts:/{team}/churn");
        Assert.Equal($"mlflow-artifacts:/{team}/churn", own.ArtifactLocation);

        foreach (var taken in new[] { $"mlflow-artifacts:/{team}/churn", $"mlflow-artifacts:/{team}/churn/inner", $"mlflow-artifacts:/{team}", "mlflow-artifacts:/", "mlflow-artifacts:/0", "mlflow-artifacts:/12345/x", "mlflow-artifacts:/a/../0" })
        {
            var message = (await alice.Mlflow.PostAsync("experiments/create", new { name = $"a-{Guid.NewGuid():N}", artifact_location = taken }))
                .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
            Assert.Contains("artifact_location", message, StringComparison.Ordinal);
        }

        // A sibling folder is free, and a location outside the served store is stored as given.
        (await alice.Mlflow.PostAsync("experiments/create", new { name = $"a-{Guid.NewGuid():N}", artifact_location = $"mlflow-artifacts:/{team}/churn-v2" })).Ok();
        (await alice.Mlflow.PostAsync("experiments/create", new { name = $"a-{Guid.NewGuid():N}", artifact_location = "s3://bucket/churn" })).Ok();

        var run = await alice.Client.CreateRunAsync(own.ExperimentId);
        Assert.StartsWith($"mlflow-artifacts:/{team}/churn/{run.RunId}/artifacts", run.ArtifactUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, await PutAsync(alice, $"/api/v1/runs/{run.RunId}/artifacts/model.txt"));
        Assert.Equal(HttpStatusCode.OK, await PutAsync(alice, $"{Proxy}/{team}/churn/{run.RunId}/artifacts/more.txt"));
        Assert.Equal(["model.txt", "more.txt"], (await alice.Client.ListArtifactsAsync(run.RunId)).Select(f => f.Path).Order());
    }

    [SkippableTheory, Backends]
    public async Task an_upload_through_a_run_whose_folder_lies_in_another_domains_run_is_refused(Backend backend)
    {
        var server = await servers.For(backend);
        var victim = await VictimAsync(server);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "loc-a");
        var experiment = await alice.Client.CreateExperimentAsync($"a-{Guid.NewGuid():N}");
        await SetLocationAsOfOldAsync(server, experiment.ExperimentId, $"mlflow-artifacts:/{victim.ExperimentId}/{victim.RunId}/artifacts");
        var run = await alice.Client.CreateRunAsync(experiment.ExperimentId);

        var status = await PutAsync(alice, $"/api/v1/runs/{run.RunId}/artifacts/planted.txt");
        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"expected 403 or 400, got {status}");
        var proxy = await PutAsync(alice, $"{Proxy}/{victim.ExperimentId}/{victim.RunId}/artifacts/{run.RunId}/artifacts/planted.txt");
        Assert.Equal(HttpStatusCode.Forbidden, proxy);

        Assert.Empty(await victim.User.Client.ListArtifactsAsync(victim.RunId));
        Assert.Equal(0, await UploadsByAsync(server, alice.Name));
    }

    [SkippableTheory, Backends]
    public async Task a_proxy_write_into_an_experiment_folder_needs_that_experiments_domain_whatever_folder_encloses_it(Backend backend)
    {
        var server = await servers.For(backend);
        var victim = await VictimAsync(server);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "loc-a");
        var own = await alice.Client.CreateExperimentAsync($"a-{Guid.NewGuid():N}");
        // Bob's experiment keeps its artifacts inside Alice's experiment folder, as an older server allowed.
        await SetLocationAsOfOldAsync(server, victim.ExperimentId, $"mlflow-artifacts:/{own.ExperimentId}/shared");
        var inside = $"{own.ExperimentId}/shared/{victim.RunId}/artifacts";

        Assert.Equal(HttpStatusCode.Forbidden, await PutAsync(alice, $"{Proxy}/{inside}/planted.txt"));
        using (var delete = await alice.Http.DeleteAsync($"{Proxy}/{own.ExperimentId}/shared"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        }

        Assert.Equal(0, await UploadsByAsync(server, alice.Name));
        // Bob, whose folder it is, still writes there; Alice still writes in the rest of her own folder.
        Assert.Equal(HttpStatusCode.OK, await PutAsync(victim.User, $"{Proxy}/{inside}/own.txt"));
        Assert.Equal(HttpStatusCode.OK, await PutAsync(alice, $"{Proxy}/{own.ExperimentId}/notes/own.txt"));
    }
}
