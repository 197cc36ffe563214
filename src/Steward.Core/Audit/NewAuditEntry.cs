namespace Steward.Audit;

/// <summary>
/// An entry to append: who did what to which resource, with which input. The log assigns its
/// index and time when it appends it (<see cref="AuditEntry"/>).
/// </summary>
/// <param name="Actor">The acting identity.</param>
/// <param name="Action">What was done, <c>noun.verb</c> (<see cref="AuditActions"/>).</param>
/// <param name="Resource">What it was done to.</param>
/// <param name="PayloadDigest">Lowercase hex SHA-256 of the canonical payload (<see cref="AuditPayload"/>).</param>
/// <param name="Outcome">How it ended: <see cref="AuditEntry.Ok"/>, or <see cref="AuditEntry.Denied"/> for a refused request.</param>
public sealed record NewAuditEntry(string Actor, string Action, string Resource, string PayloadDigest, string Outcome = AuditEntry.Ok);
