using Steward.Client;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Identity;

/// <summary>Every ledger entry names the authenticated actor; the MLflow <c>user_id</c> a client claims is ignored.</summary>
public sealed class ActorTests(SecuredServers servers) : IClassFixture<SecuredServers>
{
    [SkippableTheory, Backends]
    public async Task a_run_created_with_alices_token_is_alices_in_the_ledger_and_in_mlflow(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "retail");
        var experimentId = (await alice.Mlflow.PostAsync("experiments/create", new { name = $"actor-{Guid.NewGuid():N}" })).Ok().GetProperty("experiment_id").GetString();
        var info = (await alice.Mlflow.PostAsync("runs/create", new
        {
            experiment_id = experimentId,
            user_id = "mallory",
            tags = new[] { new { key = "mlflow.user", value = "mallory" } },
        })).Ok().GetProperty("run").GetProperty("info");
        var runId = info.GetProperty("run_id").GetString()!;
        Assert.Equal(alice.Name, info.GetProperty("user_id").GetString());

        (await alice.Mlflow.PostAsync("runs/log-batch", new { run_id = runId, metrics = new[] { new { key = "auc", value = 0.9, timestamp = 1, step = 0 } } })).Ok();
        (await alice.Mlflow.PostAsync("runs/update", new { run_id = runId, status = "FINISHED" })).Ok();

        var run = await alice.Client.GetRunAsync(runId);
        Assert.Equal(alice.Name, run.UserId);
        Assert.Equal(alice.Name, run.Tags["mlflow.user"]);
        var entries = (await server.Admin.Client.ListLedgerEntriesAsync(new LedgerEntrySearch { Resource = $"run/{runId}" })).Entries;
        Assert.Equal(["run.create", "run.log_batch", "run.update"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(alice.Name, e.Actor));
        Assert.Equal(alice.Name, (await server.Admin.Client.ListLedgerEntriesAsync(new LedgerEntrySearch { Resource = $"experiment/{experimentId}" })).Entries.Single().Actor);
    }

    [SkippableTheory, Backends]
    public async Task the_mlflow_user_tag_cannot_be_rewritten_to_someone_else(Backend backend)
    {
        var server = await servers.For(backend);
        using var alice = await server.NewUserAsync("alice", ["data-scientist"], "retail");
        var experimentId = (await alice.Mlflow.PostAsync("experiments/create", new { name = $"tag-{Guid.NewGuid():N}" })).Ok().GetProperty("experiment_id").GetString();
        var runId = (await alice.Mlflow.PostAsync("runs/create", new { experiment_id = experimentId, tags = new[] { new { key = "mlflow.user", value = "x" } } }))
            .Ok().GetProperty("run").GetProperty("info").GetProperty("run_id").GetString();

        (await alice.Mlflow.PostAsync("runs/set-tag", new { run_id = runId, key = "mlflow.user", value = alice.Name })).Ok();
        var message = (await alice.Mlflow.PostAsync("runs/set-tag", new { run_id = runId, key = "mlflow.user", value = "bob" })).Error(System.Net.HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("mlflow.user", message, StringComparison.Ordinal);
        Assert.Equal(alice.Name, (await alice.Client.GetRunAsync(runId!)).Tags["mlflow.user"]);
    }

    [SkippableTheory, Backends]
    public async Task a_registered_model_and_its_versions_record_their_real_creators(Backend backend)
    {
        var server = await servers.For(backend);
        using var bob = await server.NewUserAsync("bob", ["ml-engineer"], "retail");
        var name = $"m-{Guid.NewGuid():N}";
        var model = (await bob.Mlflow.PostAsync("registered-models/create", new { name, user_id = "mallory" })).Ok().GetProperty("registered_model");
        Assert.Equal(bob.Name, (await bob.Client.GetModelAsync(name)).UserId);
        var version = (await bob.Mlflow.PostAsync("model-versions/create", new { name, source = "mlflow-artifacts:/0/r/artifacts/model", user_id = "mallory" }))
            .Ok().GetProperty("model_version");
        Assert.Equal(bob.Name, version.GetProperty("user_id").GetString());
        Assert.NotEqual("mallory", model.GetProperty("name").GetString());
    }
}
