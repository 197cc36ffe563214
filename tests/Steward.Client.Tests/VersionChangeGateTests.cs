using System.Net;
using Steward.Client;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

/// <summary>Stage and alias changes from the native API all pass the registry's gate.</summary>
public sealed class VersionChangeGateTests(GatedServerFixture server) : IClassFixture<GatedServerFixture>
{
    private readonly StewardClient _client = server.Client;

    private async Task<string> NewModelWithVersionAsync()
    {
        var model = await _client.CreateModelAsync(StewardServerFixture.Unique("gated"));
        await _client.CreateModelVersionAsync(model.Name, "models:/elsewhere/1");
        return model.Name;
    }

    [Fact]
    public async Task a_refused_promotion_gives_403_with_the_reasons_and_changes_nothing()
    {
        var name = await NewModelWithVersionAsync();
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.TransitionStageAsync(name, 1, ModelStage.Production));
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("PERMISSION_DENIED", error.ErrorCode);
        Assert.Equal("https://steward.dev/errors/permission-denied", error.ProblemType);
        Assert.Contains("no model card", error.Detail, StringComparison.Ordinal);
        Assert.Equal(ModelStage.None, (await _client.GetModelVersionAsync(name, 1)).CurrentStage);
    }

    [Fact]
    public async Task a_stage_the_gate_allows_goes_through()
    {
        var name = await NewModelWithVersionAsync();
        Assert.Equal(ModelStage.Staging, (await _client.TransitionStageAsync(name, 1, ModelStage.Staging)).CurrentStage);
    }

    [Fact]
    public async Task alias_changes_pass_the_same_gate()
    {
        var name = await NewModelWithVersionAsync();
        var error = await Assert.ThrowsAsync<StewardApiException>(() => _client.SetAliasAsync(name, "champion", 1));
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Empty((await _client.GetModelAsync(name)).Aliases);

        await _client.SetAliasAsync(name, "challenger", 1);
        Assert.Equal(1, (await _client.GetModelVersionByAliasAsync(name, "challenger")).Version);
    }
}
