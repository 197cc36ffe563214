namespace Steward.Contracts.Governance;

/// <summary>Approves or rejects a model version.</summary>
/// <param name="Decision">approved or rejected.</param>
/// <param name="Reason">Why; required for a rejection.</param>
public sealed record DecideRequest(string? Decision, string? Reason);

/// <summary>Waives a lifecycle step for a while.</summary>
/// <param name="Step">The step's key.</param>
/// <param name="Reason">Why.</param>
/// <param name="Expires">A duration from now (<c>30d</c>, <c>12h</c>) or an ISO 8601 date or date-time (UTC unless it says otherwise), at most the policy's <c>max_waiver_days</c> away.</param>
public sealed record WaiveRequest(string? Step, string? Reason, string? Expires);

/// <summary>An owner's attestation that a step is done.</summary>
/// <param name="Step">The step's key.</param>
/// <param name="Link">Where the evidence is.</param>
/// <param name="Note">A note.</param>
public sealed record AttestRequest(string? Step, string? Link, string? Note);
