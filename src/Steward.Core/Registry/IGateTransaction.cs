namespace Steward.Registry;

/// <summary>
/// Runs a stage or alias change — the gate's evaluation, the evidence it reads, its ledger
/// entries and the write — as one transaction holding the model's lock, which every write of
/// evidence about the model (approvals, waivers, attestations, audits, model cards, checklists,
/// scorecards, the governance record) takes as well. So a promotion and, say, a rejection or a
/// failing audit on another server happen one after the other, never interleaved: the gate
/// decides on the evidence as it stands when the change commits.
/// </summary>
/// <remarks>
/// A <see cref="Errors.StewardException"/> thrown by the change (a refusal) still
/// commits what was recorded before it — the denied gate evaluation; any other exception rolls
/// everything back.
/// </remarks>
public interface IGateTransaction
{
    /// <summary>Runs <paramref name="change"/> in one transaction holding <paramref name="modelName"/>'s lock.</summary>
    Task<T> RunAsync<T>(string modelName, Func<Task<T>> change, CancellationToken cancellationToken);
}
