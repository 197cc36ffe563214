using Steward.ModelAudits;

namespace Steward.Portfolio;

/// <summary>The latest audit of its kind of a version, and it failed: an older failure fixed since is not one.</summary>
/// <param name="Id">The audit's id.</param>
/// <param name="ModelName">The registered model's current name.</param>
/// <param name="Version">The version audited.</param>
/// <param name="Kind">What was measured.</param>
/// <param name="Summary">The audit's one-line summary.</param>
public sealed record FailingAudit(long Id, string ModelName, int Version, ModelAuditKind Kind, string Summary);
