using Steward.Governance.ModelCards;
using Steward.Governance.Records;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Tracking;

namespace Steward.Core.Tests.Governance;

public sealed class ModelCardBuilderTests
{
    private static readonly ModelVersion Version = new("churn", 2, 1_700_000_000_000, 1_700_000_000_000, "bob", ModelStage.Staging, "gbm", "runs:/r1/model", "r1", "READY", null, [], "", ["candidate"]);

    private static readonly Run SourceRun = new(
        new RunInfo("r1", "lgbm", "3", "bob", RunStatus.Finished, 1, 2, "mlflow-artifacts:/3/r1/artifacts", LifecycleStage.Active),
        new RunData([new Metric("auc", 0.81, 5, 0)], [new Param("learning_rate", "0.05")], []),
        [
            new DatasetInput([new Tag("mlflow.data.context", "training")], new Dataset("telco-train", "d1", "local", "train.csv", null, null)),
            new DatasetInput([new Tag("mlflow.data.context", "test")], new Dataset("telco-test", "d2", "local", "test.csv", null, null)),
        ]);

    private static readonly GovernanceRecord Record = new("churn", "alice", "emea", "Keep customers", "Retention offers only", "Customers", "churn",
        GovernanceStatus.Active, [], "alice", 1, "alice", 1, null);

    private static readonly ModelAudit Fairness = new(7, "churn", 2, ModelAuditKind.Fairness, "telco.csv", "{}", "{}", ModelAuditVerdict.Passed, "no disparity", "eve", DateTimeOffset.UnixEpoch);

    private static ModelCardEvidence Evidence(Run? run = null, GovernanceRecord? record = null, IReadOnlyList<ModelAudit>? audits = null) =>
        new(new RegisteredModel("churn", 1, 1, "bob", "churn model", [], [], [], "default"), Version, run, record, audits ?? [], null);

    private static readonly Dictionary<string, (string, string?, long?)> NoText = [];

    [Fact]
    public void Platform_evidence_fills_details_use_metrics_data_and_audits()
    {
        var card = new ModelCard("churn", 2, 0, null, null, ModelCardBuilder.Build(Evidence(SourceRun, Record, [Fairness]), NoText));
        Assert.Contains(card.Section(ModelCardSections.ModelDetails).Facts, f => f is { Name: "Owner", Value: "alice" });
        Assert.Equal(["learning_rate", "0.05"], card.Section(ModelCardSections.ModelDetails).Tables.Single().Rows.Single());
        Assert.Contains(card.Section(ModelCardSections.IntendedUse).Facts, f => f is { Name: "Intended use", Value: "Retention offers only" });
        Assert.Equal("auc", card.Section(ModelCardSections.Metrics).Tables.Single().Rows.Single()[0]);
        Assert.Equal("telco-train", card.Section(ModelCardSections.TrainingData).Tables.Single().Rows.Single()[0]);
        Assert.Equal("telco-test", card.Section(ModelCardSections.EvaluationData).Tables.Single().Rows.Single()[0]);
        Assert.Contains(card.Section(ModelCardSections.QuantitativeAnalyses).Facts, f => f.Name == "Fairness audit" && f.Value.Contains("passed", StringComparison.Ordinal));
        Assert.Empty(card.HumanEditedSections);
    }

    [Fact]
    public void Sections_only_people_can_write_stay_missing_until_they_do()
    {
        var card = new ModelCard("churn", 2, 0, null, null, ModelCardBuilder.Build(Evidence(SourceRun, Record, [Fairness]), NoText));
        Assert.Equal([ModelCardSections.Factors, ModelCardSections.EthicalConsiderations, ModelCardSections.CaveatsAndRecommendations], card.MissingSections);

        var texts = new Dictionary<string, (string, string?, long?)>
        {
            [ModelCardSections.Factors] = ("Age and region.", "alice", 1),
            [ModelCardSections.EthicalConsiderations] = ("Offers must not discriminate.", "alice", 1),
            [ModelCardSections.CaveatsAndRecommendations] = ("Retrain quarterly.", "alice", 1),
        };
        var complete = new ModelCard("churn", 2, 1, "alice", 1, ModelCardBuilder.Build(Evidence(SourceRun, Record, [Fairness]), texts));
        Assert.True(complete.Complete);
        Assert.Equal(3, complete.HumanEditedSections.Count);
    }

    [Fact]
    public void A_version_without_run_record_or_audits_misses_every_section_but_its_details()
    {
        var card = new ModelCard("churn", 2, 0, null, null, ModelCardBuilder.Build(Evidence(), NoText));
        Assert.Equal(ModelCardSections.All.Select(s => s.Key).Where(k => k != ModelCardSections.ModelDetails), card.MissingSections);
    }
}
