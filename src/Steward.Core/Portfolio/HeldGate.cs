using Steward.Governance.Lifecycle;

namespace Steward.Portfolio;

/// <summary>A governed version held at the gate it meets next.</summary>
/// <param name="Version">The version.</param>
/// <param name="Gate">The gate's verdict, with the steps still unmet.</param>
public sealed record HeldGate(RecentVersion Version, GateVerdict Gate);
