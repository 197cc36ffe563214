using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// An owner role's statement that a step the platform holds no evidence for is done, with a
/// link to where the evidence lives (a KPI definition, a feedback form).
/// </summary>
public sealed record Attestation(long Id, string ModelName, int Version, string Step, string Link, string Note, string AttestedBy, IReadOnlyList<Role> AttesterRoles, long AttestedAt);
