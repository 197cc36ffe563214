using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Governance.Configuration;
using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>A version of the lifecycle policy with its parsed content.</summary>
public sealed record LifecyclePolicyVersion(VersionedDocument Document, LifecyclePolicy Policy);

/// <summary>
/// The lifecycle policy in force and its history, kept like the scorecard configuration: the
/// shipped file is version 0 until a first version is stored; a malformed file changes nothing.
/// </summary>
public sealed class LifecyclePolicyService(IGovernanceDocumentStore documents, TimeProvider clock, ICurrentActor actor, AccessControl access)
{
    /// <summary>The name the one lifecycle policy is stored under.</summary>
    public const string DocumentName = "default";

    /// <summary>The shipped default (<c>Governance/Defaults/lifecycle.yaml</c>) as version 0.</summary>
    public static LifecyclePolicyVersion Shipped { get; } = Load(VersionedDocument.Shipped(DocumentKinds.LifecyclePolicy, DocumentName, ShippedFiles.Read("lifecycle.yaml")));

    /// <summary>The policy the gates apply now.</summary>
    public async Task<LifecyclePolicyVersion> CurrentAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync(DocumentKinds.LifecyclePolicy, DocumentName, null, cancellationToken) is { } stored ? Load(stored) : Shipped;

    /// <summary>One version; 0 is the shipped default.</summary>
    public async Task<LifecyclePolicyVersion> GetAsync(int version, CancellationToken cancellationToken)
    {
        if (version < 0) throw StewardException.Invalid($"Parameter 'version' must be 0 or more, got {version}.");
        if (version == 0) return Shipped;
        return await documents.GetAsync(DocumentKinds.LifecyclePolicy, DocumentName, version, cancellationToken) is { } stored
            ? Load(stored)
            : throw StewardException.NotFound($"Lifecycle policy version {version} not found.");
    }

    /// <summary>Every version, the shipped default (0) first.</summary>
    public async Task<IReadOnlyList<VersionedDocument>> HistoryAsync(CancellationToken cancellationToken) =>
        [Shipped.Document, .. await documents.ListVersionsAsync(DocumentKinds.LifecyclePolicy, DocumentName, cancellationToken)];

    /// <summary>Checks <paramref name="content"/> and stores it as the next version, with a ledger entry (a governance-officer's permission).</summary>
    public async Task<LifecyclePolicyVersion> SetAsync(string? content, CancellationToken cancellationToken)
    {
        var resource = GovernanceResources.Document(DocumentKinds.LifecyclePolicy, DocumentName);
        await access.DemandAsync(Permission.ConfigureGovernance, GovernanceActions.LifecyclePolicyUpdate, resource, cancellationToken);
        var policy = LifecyclePolicyParser.Parse(content);
        var sha = VersionedDocument.HashOf(content!);
        using var scope = AuditScope.Begin(actor, GovernanceActions.LifecyclePolicyUpdate, resource,
            new JsonObject { ["content_sha256"] = sha, ["name"] = policy.Name, ["enforce"] = LifecycleNames.Name(policy.Enforce) });
        var stored = await documents.AddAsync(DocumentKinds.LifecyclePolicy, DocumentName, content!, sha, actor.Name, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        return new LifecyclePolicyVersion(stored, policy);
    }

    private static LifecyclePolicyVersion Load(VersionedDocument document) => new(document, LifecyclePolicyParser.Parse(document.Content));
}
