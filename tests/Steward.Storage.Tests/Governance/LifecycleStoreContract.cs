using Steward.Errors;
using Steward.Governance;
using Steward.Governance.Lifecycle;
using Steward.Identity;
using Steward.Registry;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Governance;

/// <summary>What every <see cref="ILifecycleStore"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract class LifecycleStoreContract(StorageFixture fixture) : GovernanceContract(fixture)
{
    private ILifecycleStore Store => Stores.Lifecycle;

    private static Approval Approval(string name, string approver, ApprovalDecision decision, int version = 1) =>
        new(0, name, version, approver, [Role.RiskManager, Role.EthicsOfficer], decision, "looked at it", RiskTier.High, "abc123", "{\"name\":\"x\"}", 7000);

    [Fact]
    public async Task Approvals_read_back_in_order_with_the_roles_and_evidence_they_were_given_on()
    {
        var name = await NewModelAsync();
        var first = await Store.AddApprovalAsync(TestChange.Next(), Approval(name, "rita", ApprovalDecision.Approved), None);
        var second = await Store.AddApprovalAsync(TestChange.Next(), Approval(name, "eve", ApprovalDecision.Rejected), None);
        Assert.True(second.Id > first.Id);
        var stored = await Store.ListApprovalsAsync(name, 1, None);
        Assert.Equal([(first.Id, "rita", ApprovalDecision.Approved), (second.Id, "eve", ApprovalDecision.Rejected)], stored.Select(a => (a.Id, a.Approver, a.Decision)));
        Assert.Equal(("looked at it", 7000L, name), (stored[0].Reason, stored[0].DecidedAt, stored[0].ModelName));
        Assert.Equal([Role.RiskManager, Role.EthicsOfficer], stored[0].ApproverRoles);
        Assert.Equal(("abc123", "{\"name\":\"x\"}", RiskTier.High), (stored[1].EvidenceFingerprint, stored[1].Evidence, stored[1].Tier));
    }

    [Fact]
    public async Task Waivers_and_attestations_belong_to_their_version()
    {
        var name = await NewModelAsync(versions: 2);
        var waiver = await Store.AddWaiverAsync(TestChange.Next(), new Waiver(0, name, 2, "drift-monitoring", "pilot", 9000, "mle", 8000), None);
        var attestation = await Store.AddAttestationAsync(TestChange.Next(), new Attestation(0, name, 2, "business-kpi", "https://wiki/kpi", "", "pm", [Role.ProductManager], 8000), None);
        Assert.Empty(await Store.ListWaiversAsync(name, 1, None));
        Assert.Equal([waiver], await Store.ListWaiversAsync(name, 2, None));
        var stored = Assert.Single(await Store.ListAttestationsAsync(name, 2, None));
        Assert.Equal((attestation.Id, "https://wiki/kpi", "pm", Role.ProductManager), (stored.Id, stored.Link, stored.AttestedBy, stored.AttesterRoles.Single()));
    }

    [Fact]
    public async Task Decisions_follow_a_renamed_model()
    {
        var name = await NewModelAsync();
        await Store.AddApprovalAsync(TestChange.Next(), Approval(name, "rita", ApprovalDecision.Approved), None);
        await Registry.RenameRegisteredModelAsync(TestChange.Next(), name, name + "-renamed", 9000, None);
        Assert.Equal(name + "-renamed", Assert.Single(await Store.ListApprovalsAsync(name + "-renamed", 1, None)).ModelName);
    }

    [Fact]
    public async Task The_first_entry_into_staging_is_kept_after_the_version_moves_on()
    {
        var name = await NewModelAsync();
        Assert.Null(await Store.FirstEnteredStagingAsync(name, 1, None));
        await Registry.TransitionStageAsync(TestChange.Next(), name, 1, ModelStage.Staging, false, 3000, None);
        await Registry.TransitionStageAsync(TestChange.Next(), name, 1, ModelStage.Archived, false, 4000, None);
        await Registry.TransitionStageAsync(TestChange.Next(), name, 1, ModelStage.Staging, false, 5000, None);
        Assert.Equal(3000, await Store.FirstEnteredStagingAsync(name, 1, None));
    }

    [Fact]
    public async Task A_decision_on_an_unknown_version_is_not_found_and_stores_nothing()
    {
        var name = await NewModelAsync();
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.AddApprovalAsync(TestChange.Next(), Approval(name, "rita", ApprovalDecision.Approved, version: 9), None));
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.AddWaiverAsync(TestChange.Next(), new Waiver(0, name, 9, "evaluation", "x", 9000, "mle", 8000), None));
        Assert.Empty(await Store.ListApprovalsAsync(name, 9, None));
    }
}

public sealed class SqliteLifecycleStoreTests(SqliteFixture fixture) : LifecycleStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresLifecycleStoreTests(PostgresFixture fixture) : LifecycleStoreContract(fixture), IClassFixture<PostgresFixture>;
