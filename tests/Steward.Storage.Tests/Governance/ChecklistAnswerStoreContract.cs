using Steward.Errors;
using Steward.Governance.Checklists;
using Steward.Storage.Tests.Support;

namespace Steward.Storage.Tests.Governance;

/// <summary>What every <see cref="IChecklistAnswerStore"/> must do, run against SQLite and PostgreSQL.</summary>
public abstract class ChecklistAnswerStoreContract(StorageFixture fixture) : GovernanceContract(fixture)
{
    private IChecklistAnswerStore Store => Stores.ChecklistAnswers;

    private static ChecklistAnswer Answer(string name, string item, ChecklistItemStatus status, params EvidenceLink[] evidence) =>
        new(name, 1, "gdpr", item, status, evidence, "note", "alice", 5000);

    [Fact]
    public async Task An_answer_reads_back_with_its_evidence_links()
    {
        var name = await NewModelAsync();
        await Store.SetAsync(TestChange.Next(), Answer(name, "dpia", ChecklistItemStatus.Met, new EvidenceLink(EvidenceKind.Url, "https://wiki/dpia"), new EvidenceLink(EvidenceKind.Audit, "12")), None);
        var stored = Assert.Single(await Store.ListAsync(name, 1, None));
        Assert.Equal(ChecklistItemStatus.Met, stored.Status);
        Assert.Equal([new EvidenceLink(EvidenceKind.Url, "https://wiki/dpia"), new EvidenceLink(EvidenceKind.Audit, "12")], stored.Evidence);
        Assert.Equal(("note", "alice", 5000L), (stored.Note, stored.AnsweredBy, stored.AnsweredAt));
    }

    [Fact]
    public async Task A_new_answer_replaces_the_old_one_for_the_same_item()
    {
        var name = await NewModelAsync();
        await Store.SetAsync(TestChange.Next(), Answer(name, "dpia", ChecklistItemStatus.NotMet), None);
        await Store.SetAsync(TestChange.Next(), Answer(name, "dpia", ChecklistItemStatus.Met, new EvidenceLink(EvidenceKind.Run, "abc")), None);
        await Store.SetAsync(TestChange.Next(), Answer(name, "lawful-basis", ChecklistItemStatus.NotApplicable), None);
        var answers = await Store.ListAsync(name, 1, None);
        Assert.Equal([("dpia", ChecklistItemStatus.Met), ("lawful-basis", ChecklistItemStatus.NotApplicable)], answers.Select(a => (a.Item, a.Status)));
    }

    [Fact]
    public async Task An_answer_for_an_unknown_version_is_not_found()
    {
        var name = await NewModelAsync();
        await ThrowsAsync(ErrorCode.ResourceDoesNotExist, () => Store.SetAsync(TestChange.Next(), Answer(name, "dpia", ChecklistItemStatus.NotMet) with { Version = 9 }, None));
    }
}

public sealed class SqliteChecklistAnswerStoreTests(SqliteFixture fixture) : ChecklistAnswerStoreContract(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresChecklistAnswerStoreTests(PostgresFixture fixture) : ChecklistAnswerStoreContract(fixture), IClassFixture<PostgresFixture>;
