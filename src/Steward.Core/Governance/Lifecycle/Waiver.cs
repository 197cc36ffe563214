namespace Steward.Governance.Lifecycle;

/// <summary>
/// A step of a version set aside by its owner role until <see cref="ExpiresAt"/>: a waived step
/// counts as closed while the waiver runs; an expired waiver stops counting.
/// </summary>
public sealed record Waiver(long Id, string ModelName, int Version, string Step, string Reason, long ExpiresAt, string WaivedBy, long WaivedAt)
{
    /// <summary>True while the waiver counts.</summary>
    public bool ActiveAt(long now) => now < ExpiresAt;
}
