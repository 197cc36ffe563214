using Steward.Audit;
using Steward.Governance.Configuration;
using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>A version of the lifecycle policy with its parsed content.</summary>
public sealed record LifecyclePolicyVersion(VersionedDocument Document, LifecyclePolicy Policy);

/// <summary>The lifecycle policy the gates apply, and its history: a versioned file shipped as <c>Governance/Defaults/lifecycle.yaml</c>.</summary>
public sealed class LifecyclePolicyService(IGovernanceDocumentStore documents, TimeProvider clock, ICurrentActor actor, AccessControl access)
    : VersionedDocumentService<LifecyclePolicy, LifecyclePolicyVersion>(File, documents, clock, actor, access)
{
    private static readonly VersionedDocumentKind<LifecyclePolicy, LifecyclePolicyVersion> File = new(
        DocumentKinds.LifecyclePolicy, "Lifecycle policy", GovernanceActions.LifecyclePolicyUpdate, "lifecycle.yaml",
        LifecyclePolicyParser.Parse, (document, policy) => new(document, policy),
        policy => new() { ["name"] = policy.Name, ["enforce"] = LifecycleNames.Name(policy.Enforce) });

    /// <summary>The shipped default as version 0.</summary>
    public static LifecyclePolicyVersion Shipped => File.Shipped;
}
