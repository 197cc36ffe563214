using System.Text.Json;
using Steward.Client.Internal;

namespace Steward.Client.Tests;

/// <summary>
/// The JSON text of the shared contracts, pinned: the server and the SDK now read and write the
/// same types, so a round trip alone could not notice the wire format changing under both.
/// </summary>
public sealed class WireFormatTests
{
    [Fact]
    public void enums_travel_as_the_strings_the_api_always_wrote()
    {
        var run = new Run(
            "r1", "lgbm", "0", "alice", RunStatus.Finished, 1000, null, "file:///a", LifecycleStage.Deleted,
            [new Metric("auc", double.NaN, 1001, 2)], new Dictionary<string, string>(), new Dictionary<string, string> { ["k"] = "v" },
            [new DatasetInput(new Dataset("train", "abc", "local", "s"))]);

        Assert.Equal(
            """{"runId":"r1","runName":"lgbm","experimentId":"0","userId":"alice","status":"FINISHED","startTime":1000,"artifactUri":"file:///a","lifecycleStage":"deleted","metrics":[{"key":"auc","value":"NaN","timestamp":1001,"step":2}],"params":{},"tags":{"k":"v"},"inputs":[{"dataset":{"name":"train","digest":"abc","sourceType":"local","source":"s"}}]}""",
            JsonSerializer.Serialize(run, NativeJsonContext.Default.Run));

        var version = new ModelVersion("m", 1, 1, 2, "alice", ModelStage.Staging, "", "runs:/r1/model", null, "READY", null, new Dictionary<string, string>(), "", ["champion"]);
        Assert.Contains("\"currentStage\":\"Staging\"", JsonSerializer.Serialize(version, NativeJsonContext.Default.ModelVersion), StringComparison.Ordinal);

        var experiment = new Experiment("0", "Default", "file:///a", LifecycleStage.Active, 1, 2, new Dictionary<string, string>(), "default");
        Assert.Contains("\"lifecycleStage\":\"active\"", JsonSerializer.Serialize(experiment, NativeJsonContext.Default.Experiment), StringComparison.Ordinal);
    }

    [Fact]
    public void a_ledger_head_names_its_key_id_beside_its_public_key()
    {
        var head = new LedgerHead(3, "ab", "2026-12-01T08:30:00.000Z", "c2ln", "0f1e", "cGs=");

        Assert.Equal(
            """{"treeSize":3,"rootHash":"ab","timestamp":"2026-12-01T08:30:00.000Z","signature":"c2ln","keyId":"0f1e","publicKey":"cGs="}""",
            JsonSerializer.Serialize(head, NativeJsonContext.Default.LedgerHead));
    }

    [Fact]
    public void the_server_refuses_unknown_fields_and_the_sdk_skips_them()
    {
        const string json = """{"name":"churn","addedByANewerServer":1}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, NativeJsonContext.Default.UpdateExperimentRequest));
        Assert.Equal("churn", JsonSerializer.Deserialize(json, ClientJson.Native.UpdateExperimentRequest)!.Name);

        const string content = """{"content":"name: default","addedByANewerServer":1}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(content, GovernanceJsonContext.Default.ContentRequest));
        Assert.Equal("name: default", JsonSerializer.Deserialize(content, ClientJson.Governance.ContentRequest)!.Content);
    }

    [Fact]
    public void audit_requests_carry_their_kind_first_and_omit_unset_settings()
    {
        var fairness = new Steward.Contracts.ModelAudits.FairnessAuditRequest { Data = "compas.csv", Label = "y", Sensitive = ["race"], Bootstrap = 0 };
        Assert.Equal(
            """{"kind":"fairness","data":"compas.csv","label":"y","sensitive":["race"],"bootstrap":0}""",
            JsonSerializer.Serialize(fairness, NativeJsonContext.Default.FairnessAuditRequest));
        var drift = new Steward.Contracts.ModelAudits.DriftAuditRequest { Reference = "a.csv", Current = "b.csv", DriftShare = 0.25 };
        Assert.Equal(
            """{"kind":"drift","reference":"a.csv","current":"b.csv","driftShare":0.25}""",
            JsonSerializer.Serialize(drift, NativeJsonContext.Default.DriftAuditRequest));
        var evaluation = new Steward.Contracts.ModelAudits.EvaluationAuditRequest { Data = "s.csv", Label = "y", Where = "x > 1", Minimums = new Dictionary<string, double> { ["rocAuc"] = 0.8 } };
        Assert.Equal(
            """{"kind":"evaluation","data":"s.csv","label":"y","minimums":{"rocAuc":0.8},"where":"x \u003E 1"}""",
            JsonSerializer.Serialize(evaluation, NativeJsonContext.Default.EvaluationAuditRequest));
    }
}
