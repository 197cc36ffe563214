using System.Globalization;
using Steward.Client;
using Steward.Contracts.Governance;
using Steward.Contracts.Identity;
using Steward.Contracts.Registry;
using Steward.Contracts.Tracking;
using Steward.Server.Tests.Support;

namespace Steward.Server.Tests.Replicas;

/// <summary>
/// A promotion to Production through one replica racing a rejection of the same version through
/// the other: the gate's verdict and the stage change are one transaction under the model's lock,
/// so the two happen one after the other — never a promotion whose gate passed before a
/// rejection that committed ahead of the promotion.
/// </summary>
public sealed class PromotionRaceTests
{
    private const int Rounds = 25;

    [PostgresFact]
    public async Task a_promotion_racing_a_rejection_on_another_replica_never_lands_after_the_rejection()
    {
        await using var replicas = await Support.Replicas.StartAsync();
        using var admin = new StewardClient(replicas.First.Address, replicas.AdminToken);
        var name = await VersionReadyButForApprovalAsync(admin);
        // The release manager approves and promotes through the first replica; the ML engineer
        // (not an author) approves, then rejects through the second.
        using var releaser = await UserAsync(admin, replicas.First, "remy", "release-manager");
        using var reviewer = await UserAsync(admin, replicas.Second, "mia", "ml-engineer");

        var promotions = 0;
        var refusals = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await releaser.DecideAsync(name, "1", "approved", null);
            await reviewer.DecideAsync(name, "1", "approved", null);
            var before = (await admin.GetLedgerHeadAsync()).TreeSize;

            using var start = new Barrier(2);
            var promote = Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await releaser.TransitionStageAsync(name, 1, ModelStage.Production);
                    return true;
                }
                catch (StewardApiException e) when (e.ErrorCode == "GATE_CLOSED")
                {
                    return false;
                }
            });
            var reject = Task.Run(async () =>
            {
                start.SignalAndWait();
                await reviewer.DecideAsync(name, "1", "rejected", "the drift baseline is from last year");
            });
            await Task.WhenAll(promote, reject);

            var entries = (await admin.ListLedgerEntriesAsync(new LedgerEntrySearch { Start = before, Resource = $"registered_model/{name}", MaxResults = 1000 })).Entries;
            var rejection = entries.Single(e => e.Action == "model_version.reject").Index;
            if (await promote)
            {
                promotions++;
                var promotion = entries.Single(e => e.Action == "model_version.transition_stage").Index;
                Assert.True(promotion < rejection,
                    $"round {round}: the promotion (entry {promotion}) committed after the rejection (entry {rejection}) its gate did not see");
                await releaser.TransitionStageAsync(name, 1, ModelStage.None);
            }
            else
            {
                refusals++;
                Assert.Equal(ModelStage.None, (await admin.GetModelVersionAsync(name, 1)).CurrentStage);
            }
        }

        Assert.Equal(Rounds, promotions + refusals);
    }

    /// <summary>A governed, low-risk version whose steps 1-7 are closed or waived: only the approvals stand between it and Production.</summary>
    private static async Task<string> VersionReadyButForApprovalAsync(StewardClient admin)
    {
        var name = $"race-{Guid.NewGuid():N}"[..13];
        var experiment = await admin.CreateExperimentAsync(name);
        var run = await admin.CreateRunAsync(experiment.ExperimentId);
        await admin.LogMetricAsync(run.RunId, "auc", 0.81);
        await admin.LogInputsAsync(run.RunId, [new DatasetInput(new Dataset("telco-train", "d41d8cd9", "local", "telco.csv"), new Dictionary<string, string> { ["mlflow.data.context"] = "training" })]);
        await admin.CreateModelAsync(name);
        await admin.CreateModelVersionAsync(name, $"{run.ArtifactUri}/model", run.RunId);
        await admin.SetGovernanceRecordAsync(name, new SetGovernanceRecordRequest(Owner: "admin", Domain: "default", Purpose: "Churn prediction"));
        var expires = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var step in new[] { "business-kpi", "model-card", "staging-deployment", "compliance", "drift-monitoring" })
            await admin.WaiveStepAsync(name, "1", step, "pilot under supervision", expires);
        await admin.FileScorecardAsync(name, 1, new Dictionary<string, string>
        {
            ["business_impact"] = "low", ["data_quality"] = "99", ["bias_risk"] = "low", ["deployment_frequency"] = "weekly",
        });
        return name;
    }

    private static async Task<StewardClient> UserAsync(StewardClient admin, StewardServer server, string name, string role)
    {
        await admin.CreateUserAsync(name, [role], ["default"]);
        var token = await admin.CreateTokenAsync(name, "race");
        return new StewardClient(server.Address, token.Secret);
    }
}
