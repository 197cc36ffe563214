namespace Steward.Portfolio;

/// <summary>A version waiting for an approval the current principal could give.</summary>
/// <param name="Version">The version.</param>
/// <param name="Requirement">The approval still open, with the risk tier, e.g. "Risk manager (high risk)".</param>
public sealed record WaitingApproval(RecentVersion Version, string Requirement);
