namespace Steward.Governance.Lifecycle;

/// <summary>
/// Decides a gate: given a version's evidence, its steps and approvals, and the lifecycle policy
/// in force, which conditions hold a move to <see cref="GateTarget"/> shut. The one place gate
/// logic lives; a policy engine (policy-as-code) plugs in by implementing it.
/// </summary>
/// <remarks>
/// Pure and fast: it is called for every gated stage or alias change and for every lifecycle
/// read, with everything it may consult in <see cref="GateInputs"/>. It reports; the gate service
/// records the verdict in the ledger and refuses the change.
/// </remarks>
public interface ILifecycleGatePolicy
{
    GateVerdict Evaluate(GateTarget target, GateInputs inputs);
}

/// <summary>What a gate is decided on.</summary>
/// <param name="Policy">The lifecycle policy in force.</param>
/// <param name="Evidence">The version's evidence snapshot.</param>
/// <param name="Steps">The nine steps, decided from the snapshot.</param>
/// <param name="Approvals">The approvals, matched to the tier's requirements.</param>
/// <param name="Governed">True when the gates apply to the model.</param>
public sealed record GateInputs(LifecyclePolicy Policy, VersionEvidence Evidence, IReadOnlyList<StepStatus> Steps, ApprovalStatus Approvals, bool Governed);

/// <summary>The shipped gate: every step the policy lists for the target must be done or waived.</summary>
public sealed class StepGatePolicy : ILifecycleGatePolicy
{
    public GateVerdict Evaluate(GateTarget target, GateInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var required = inputs.Policy.StepsFor(target);
        var unmet = inputs.Steps
            .Where(s => required.Contains(s.Step.Key) && !s.Passes)
            .Select(s => new UnmetGate(s.Step.Number, s.Step.Key, s.Step.Title, s.Detail))
            .ToList();
        return new GateVerdict(target, inputs.Governed, required, unmet);
    }
}
