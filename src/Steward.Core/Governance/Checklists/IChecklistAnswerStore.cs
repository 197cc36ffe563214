using Steward.Audit;

namespace Steward.Governance.Checklists;

/// <summary>Where checklist answers live: the current answer per (model version, checklist, item). Each write appends the ledger entry of the <see cref="AuditedChange"/> it is given, in its transaction.</summary>
public interface IChecklistAnswerStore
{
    /// <summary>Stores an answer, replacing any earlier one for the same item; ResourceDoesNotExist when the model version does not exist.</summary>
    Task<ChecklistAnswer> SetAsync(AuditedChange change, ChecklistAnswer answer, CancellationToken cancellationToken);

    /// <summary>Every current answer for a model version, by checklist and item.</summary>
    Task<IReadOnlyList<ChecklistAnswer>> ListAsync(string modelName, int version, CancellationToken cancellationToken);
}
