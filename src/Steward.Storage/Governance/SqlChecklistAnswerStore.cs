using Steward.Audit;
using Steward.Governance.Checklists;
using Steward.Storage.Sql;

namespace Steward.Storage.Governance;

/// <summary>Current checklist answers on SQLite or PostgreSQL; the ledger keeps the history of each change.</summary>
internal sealed class SqlChecklistAnswerStore(SqlDatabase database) : IChecklistAnswerStore
{
    // SQL rule: statements that differ by dialect, or run past a few lines, live in the .sql files beside
    // this store (GovernanceSql, SqlText); short statements that every dialect reads alike stay inline.

    public Task<ChecklistAnswer> SetAsync(AuditedChange change, ChecklistAnswer answer, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var modelId = await ModelKeys.LockVersionAsync(session, answer.ModelName, answer.Version);
            var args = new
            {
                modelId, answer.Version, answer.Checklist, answer.Item, status = ChecklistNames.Name(answer.Status),
                evidence = StoredJson.Write(answer.Evidence.Select(e => new EvidenceRow(ChecklistNames.Name(e.Kind), e.Reference))),
                answer.Note, answer.AnsweredBy, answer.AnsweredAt,
            };
            // The model row is locked, so delete-then-insert cannot race another answer to this item.
            await session.ExecuteAsync("DELETE FROM checklist_answers WHERE model_id = @modelId AND version = @Version AND checklist = @Checklist AND item = @Item", args);
            await session.ExecuteAsync("""
                INSERT INTO checklist_answers (model_id, version, checklist, item, status, evidence, note, answered_by, answered_at)
                VALUES (@modelId, @Version, @Checklist, @Item, @status, @evidence, @Note, @AnsweredBy, @AnsweredAt)
                """, args);
            return answer;
        }, cancellationToken);

    public Task<IReadOnlyList<ChecklistAnswer>> ListAsync(string modelName, int version, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ChecklistAnswer>>(async session =>
        {
            var rows = await session.QueryAsync<AnswerRow>(GovernanceSql.Get(session, "list_checklist_answers"), new { modelName, version });
            return rows.Select(r => r.ToAnswer()).ToList();
        }, cancellationToken);

    private sealed record EvidenceRow(string Kind, string Ref);

    private sealed class AnswerRow
    {
        public string ModelName { get; set; } = "";
        public int Version { get; set; }
        public string Checklist { get; set; } = "";
        public string Item { get; set; } = "";
        public string Status { get; set; } = "";
        public string Evidence { get; set; } = "[]";
        public string Note { get; set; } = "";
        public string AnsweredBy { get; set; } = "";
        public long AnsweredAt { get; set; }

        public ChecklistAnswer ToAnswer() => new(
            ModelName, Version, Checklist, Item, ChecklistNames.ParseStatus(Status),
            StoredJson.Read<List<EvidenceRow>>(Evidence).Select(e => new EvidenceLink(ChecklistNames.ParseKind(e.Kind), e.Ref)).ToList(),
            Note, AnsweredBy, AnsweredAt);
    }
}
