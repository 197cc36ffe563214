using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

/// <summary><see cref="StewardClient.SetExperimentAsync"/>: MLflow's <c>set_experiment</c>, get or create by name.</summary>
public sealed class SetExperimentTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private readonly StewardClient _client = server.Client;

    [Fact]
    public async Task set_experiment_creates_a_missing_experiment_then_returns_the_same_one()
    {
        var name = StewardServerFixture.Unique("set");
        var created = await _client.SetExperimentAsync(name);
        Assert.Equal(name, created.Name);
        Assert.Equal(LifecycleStage.Active, created.LifecycleStage);
        Assert.Equal(created.ExperimentId, (await _client.SetExperimentAsync(name)).ExperimentId);
    }

    [Fact]
    public async Task set_experiment_returns_an_experiment_made_by_create()
    {
        var name = StewardServerFixture.Unique("set");
        var created = await _client.CreateExperimentAsync(name);
        Assert.Equal(created.ExperimentId, (await _client.SetExperimentAsync(name)).ExperimentId);
    }

    [Fact]
    public async Task set_experiment_creates_in_the_domain_given()
    {
        var domain = StewardServerFixture.Unique("dom");
        await _client.CreateDomainAsync(domain);
        var experiment = await _client.SetExperimentAsync(StewardServerFixture.Unique("set"), domain);
        Assert.Equal(domain, experiment.Domain);
    }

    [Fact]
    public async Task set_experiment_on_a_deleted_experiment_says_to_restore_it()
    {
        var name = StewardServerFixture.Unique("set");
        var created = await _client.CreateExperimentAsync(name);
        await _client.DeleteExperimentAsync(created.ExperimentId);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _client.SetExperimentAsync(name));
        Assert.Contains("is deleted", error.Message, StringComparison.Ordinal);
        Assert.Contains($"RestoreExperimentAsync(\"{created.ExperimentId}\")", error.Message, StringComparison.Ordinal);
        Assert.Equal(LifecycleStage.Deleted, (await _client.GetExperimentAsync(created.ExperimentId)).LifecycleStage);
    }

    [Fact]
    public async Task concurrent_set_experiment_calls_all_get_the_one_experiment()
    {
        var name = StewardServerFixture.Unique("race");
        var experiments = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.SetExperimentAsync(name)));
        Assert.Single(experiments.Select(e => e.ExperimentId).Distinct());
    }
}
