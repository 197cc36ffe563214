using System.Net;
using System.Text;
using System.Text.Json;
using Steward.Client;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;
using Steward.Tests.Support;

namespace Steward.Client.Tests;

/// <summary>
/// The ledger seen through the SDK and the native API: every write the SDK can make, and every
/// artifact download, appends exactly one entry naming its action, resource and actor; the
/// head and proofs the API publishes verify with an independent RFC 9162 verifier.
/// </summary>
public sealed class LedgerApiTests(StewardServerFixture server) : IClassFixture<StewardServerFixture>
{
    private readonly StewardClient _client = server.Client;

    [Fact]
    public async Task every_sdk_write_and_download_appends_exactly_one_entry_naming_its_action_resource_and_actor()
    {
        var next = (await _client.GetLedgerHeadAsync()).TreeSize;

        // Runs the write, which returns the resource it expects to be named, and checks that
        // exactly one entry was appended for it.
        async Task Expect(string action, Func<Task<string>> write)
        {
            var resource = await write();
            var page = await _client.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = next });
            var entry = Assert.Single(page.Entries);
            Assert.Equal((next, action, resource, "local-admin", "ok"), (entry.Index, entry.Action, entry.Resource, entry.Actor, entry.Outcome));
            Assert.Matches("^[0-9a-f]{64}$", entry.PayloadDigest);
            next++;
        }

        string experimentId = "", runId = "";
        var model = StewardServerFixture.Unique("ledger-model");
        await Expect("experiment.create", async () => $"experiment/{experimentId = (await _client.CreateExperimentAsync(StewardServerFixture.Unique("ledger"))).ExperimentId}");
        await Expect("experiment.rename", async () => { await _client.RenameExperimentAsync(experimentId, StewardServerFixture.Unique("renamed")); return $"experiment/{experimentId}"; });
        await Expect("experiment.set_tag", async () => { await _client.SetExperimentTagAsync(experimentId, "team", "risk"); return $"experiment/{experimentId}"; });
        await Expect("run.create", async () => $"run/{runId = (await _client.CreateRunAsync(experimentId, "r")).RunId}");
        await Expect("run.log_batch", async () => { await _client.LogBatchAsync(runId, [new Metric("loss", 0.5, 1, 0)], new Dictionary<string, string> { ["lr"] = "0.1" }); return $"run/{runId}"; });
        await Expect("run.log_batch", async () => { await _client.LogMetricAsync(runId, "loss", 0.4, 1); return $"run/{runId}"; });
        await Expect("run.set_tag", async () => { await _client.SetRunTagAsync(runId, "stage", "dev"); return $"run/{runId}"; });
        await Expect("run.delete_tag", async () => { await _client.DeleteRunTagAsync(runId, "stage"); return $"run/{runId}"; });
        await Expect("run.log_inputs", async () => { await _client.LogInputsAsync(runId, [new DatasetInput(new Dataset("d", "abc", "local", "file:///d.csv"))]); return $"run/{runId}"; });
        await Expect("artifact.upload", async () => { await _client.UploadArtifactAsync(runId, "model/weights.bin", new MemoryStream([1, 2, 3])); return $"run/{runId}/artifact/model/weights.bin"; });
        await Expect("artifact.download", async () => { await _client.DownloadArtifactBytesAsync(runId, "model/weights.bin"); return $"run/{runId}/artifact/model/weights.bin"; });
        await Expect("run.update", async () => { await _client.EndRunAsync(runId); return $"run/{runId}"; });
        await Expect("registered_model.create", async () => { await _client.CreateModelAsync(model); return $"registered_model/{model}"; });
        await Expect("registered_model.update", async () => { await _client.UpdateModelAsync(model, "churn"); return $"registered_model/{model}"; });
        await Expect("registered_model.set_tag", async () => { await _client.SetModelTagAsync(model, "owner", "risk"); return $"registered_model/{model}"; });
        await Expect("model_version.create", async () => $"registered_model/{model}/version/{(await _client.CreateModelVersionAsync(model, "mlflow-artifacts:/x/model", runId)).Version}");
        await Expect("model_version.update", async () => { await _client.UpdateModelVersionAsync(model, 1, "first"); return $"registered_model/{model}/version/1"; });
        await Expect("model_version.set_tag", async () => { await _client.SetModelVersionTagAsync(model, 1, "checked", "yes"); return $"registered_model/{model}/version/1"; });
        await Expect("model_version.delete_tag", async () => { await _client.DeleteModelVersionTagAsync(model, 1, "checked"); return $"registered_model/{model}/version/1"; });
        await Expect("model_version.transition_stage", async () => { await _client.TransitionStageAsync(model, 1, ModelStage.Staging); return $"registered_model/{model}/version/1"; });
        await Expect("registered_model.set_alias", async () => { await _client.SetAliasAsync(model, "champion", 1); return $"registered_model/{model}"; });
        await Expect("registered_model.delete_alias", async () => { await _client.DeleteAliasAsync(model, "champion"); return $"registered_model/{model}"; });
        await Expect("model_version.delete", async () => { await _client.DeleteModelVersionAsync(model, 1); return $"registered_model/{model}/version/1"; });
        await Expect("registered_model.delete_tag", async () => { await _client.DeleteModelTagAsync(model, "owner"); return $"registered_model/{model}"; });
        await Expect("registered_model.rename", async () => { await _client.RenameModelAsync(model, model + "-2"); return $"registered_model/{model}"; });
        await Expect("registered_model.delete", async () => { await _client.DeleteModelAsync(model + "-2"); return $"registered_model/{model}-2"; });
        await Expect("run.delete", async () => { await _client.DeleteRunAsync(runId); return $"run/{runId}"; });
        await Expect("run.restore", async () => { await _client.RestoreRunAsync(runId); return $"run/{runId}"; });
        await Expect("experiment.delete_tag", async () => { await _client.DeleteExperimentTagAsync(experimentId, "team"); return $"experiment/{experimentId}"; });
        await Expect("experiment.delete", async () => { await _client.DeleteExperimentAsync(experimentId); return $"experiment/{experimentId}"; });
        await Expect("experiment.restore", async () => { await _client.RestoreExperimentAsync(experimentId); return $"experiment/{experimentId}"; });

        // The resource filter finds a model's entries and those of its versions.
        var history = await _client.ListLedgerEntriesAsync(new LedgerEntrySearch { Resource = $"registered_model/{model}" });
        Assert.Equal(13, history.Entries.Count);
        Assert.Contains(history.Entries, e => e.Resource == $"registered_model/{model}/version/1");
    }

    [Fact]
    public async Task a_rejected_write_appends_nothing()
    {
        var run = await _client.CreateRunAsync((await _client.CreateExperimentAsync(StewardServerFixture.Unique("rejected"))).ExperimentId);
        await _client.LogParamAsync(run.RunId, "p", "1");
        var before = (await _client.GetLedgerHeadAsync()).TreeSize;
        await Assert.ThrowsAsync<StewardApiException>(() => _client.LogBatchAsync(run.RunId, [new Metric("m", 1, 1, 0)], new Dictionary<string, string> { ["p"] = "2" }));
        await Assert.ThrowsAsync<StewardApiException>(() => _client.TransitionStageAsync(StewardServerFixture.Unique("missing"), 1, ModelStage.Production));
        Assert.Equal(before, (await _client.GetLedgerHeadAsync()).TreeSize);
        Assert.Empty((await _client.GetRunAsync(run.RunId)).Metrics);
    }

    [Fact]
    public async Task proofs_from_the_api_verify_against_the_signed_head()
    {
        var experiment = await _client.CreateExperimentAsync(StewardServerFixture.Unique("proofs"));
        var early = await _client.GetLedgerHeadAsync();
        for (var i = 0; i < 9; i++) await _client.SetExperimentTagAsync(experiment.ExperimentId, $"k{i}", "v");
        var head = await _client.GetLedgerHeadAsync();
        var publicKey = Convert.FromBase64String(head.PublicKey);
        var root = Convert.FromHexString(head.RootHash);
        Assert.True(TreeHeadVerifier.Verify(new TreeHead(head.TreeSize, root, DateTimeOffset.Parse(head.Timestamp, System.Globalization.CultureInfo.InvariantCulture)), Convert.FromBase64String(head.Signature), publicKey));

        var entries = await _client.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = 0, End = head.TreeSize });
        foreach (var entry in entries.Entries)
        {
            using var proof = await GetJsonAsync($"api/v1/audit/proof/inclusion?index={entry.Index}&treeSize={head.TreeSize}");
            var leafHash = MerkleHash.HashLeaf(Convert.FromBase64String(entry.Leaf));
            Assert.Equal(entry.LeafHash, Convert.ToHexStringLower(leafHash));
            Assert.Equal(entry.LeafHash, proof.RootElement.GetProperty("leafHash").GetString());
            Assert.True(MerkleVerifier.VerifyInclusion(entry.Index, head.TreeSize, leafHash, Path(proof), root));
        }

        using var consistency = await GetJsonAsync($"api/v1/audit/proof/consistency?first={early.TreeSize}&second={head.TreeSize}");
        Assert.True(MerkleVerifier.VerifyConsistency(early.TreeSize, head.TreeSize, Convert.FromHexString(early.RootHash), root, Path(consistency)));
    }

    [Theory]
    [InlineData("proof/inclusion?index=1000000&treeSize=1", "index")]
    [InlineData("proof/inclusion?index=0&treeSize=1000000", "treeSize")]
    [InlineData("proof/inclusion?index=-1&treeSize=1", "index")]
    [InlineData("proof/consistency?first=0&second=1", "first")]
    [InlineData("proof/consistency?first=3&second=2", "first")]
    [InlineData("proof/consistency?first=1&second=1000000", "second")]
    [InlineData("entries?start=5&end=2", "start")]
    [InlineData("entries?since=yesterday", "since")]
    [InlineData("entries?pageToken=garbage", "pageToken")]
    public async Task bad_audit_requests_are_400_problems_naming_the_field(string query, string field)
    {
        await _client.CreateExperimentAsync(StewardServerFixture.Unique("bad"));
        await _client.CreateExperimentAsync(StewardServerFixture.Unique("bad"));
        await _client.CreateExperimentAsync(StewardServerFixture.Unique("bad"));
        using var response = await server.Http.GetAsync($"api/v1/audit/{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains($"'{field}'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task entries_page_with_tokens_and_filter_by_actor_and_action()
    {
        var experiment = await _client.CreateExperimentAsync(StewardServerFixture.Unique("paging"));
        for (var i = 0; i < 5; i++) await _client.SetExperimentTagAsync(experiment.ExperimentId, $"k{i}", "v");
        var search = new LedgerEntrySearch { Resource = $"experiment/{experiment.ExperimentId}", Action = "experiment.set_tag", Actor = "local-admin", MaxResults = 2 };
        var seen = new List<long>();
        string? token = null;
        do
        {
            var page = await _client.ListLedgerEntriesAsync(search, token);
            Assert.True(page.Entries.Count <= 2);
            seen.AddRange(page.Entries.Select(e => e.Index));
            token = page.NextPageToken;
        }
        while (token is not null);
        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Empty((await _client.ListLedgerEntriesAsync(search with { Actor = "someone-else" })).Entries);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await server.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(Encoding.UTF8.GetBytes(body));
    }

    private static byte[][] Path(JsonDocument proof) =>
        proof.RootElement.GetProperty("path").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToArray();
}
