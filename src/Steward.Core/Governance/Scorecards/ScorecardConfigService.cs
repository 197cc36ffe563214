using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Governance.Configuration;
using Steward.Identity;

namespace Steward.Governance.Scorecards;

/// <summary>A version of the scorecard configuration with its parsed formula.</summary>
public sealed record ScorecardConfigVersion(VersionedDocument Document, ScorecardConfig Config);

/// <summary>
/// The scorecard configuration in force and its history. Until a first version is stored, the
/// file shipped with Steward is in force as version 0. Storing a change checks the whole file
/// first: a malformed configuration changes nothing.
/// </summary>
public sealed class ScorecardConfigService(IGovernanceDocumentStore documents, TimeProvider clock, ICurrentActor actor, AccessControl access)
{
    /// <summary>The name the one scorecard configuration is stored under.</summary>
    public const string DocumentName = "default";

    /// <summary>The shipped default (<c>Governance/Defaults/scorecard.yaml</c>) as version 0.</summary>
    public static ScorecardConfigVersion Shipped { get; } = Load(VersionedDocument.Shipped(DocumentKinds.ScorecardConfig, DocumentName, ShippedFiles.Read("scorecard.yaml")));

    /// <summary>The configuration new scorecards are scored with.</summary>
    public async Task<ScorecardConfigVersion> CurrentAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync(DocumentKinds.ScorecardConfig, DocumentName, null, cancellationToken) is { } stored ? Load(stored) : Shipped;

    /// <summary>One version; 0 is the shipped default.</summary>
    public async Task<ScorecardConfigVersion> GetAsync(int version, CancellationToken cancellationToken)
    {
        if (version < 0) throw StewardException.Invalid($"Parameter 'version' must be 0 or more, got {version}.");
        if (version == 0) return Shipped;
        return await documents.GetAsync(DocumentKinds.ScorecardConfig, DocumentName, version, cancellationToken) is { } stored
            ? Load(stored)
            : throw StewardException.NotFound($"Scorecard configuration version {version} not found.");
    }

    /// <summary>Every version, the shipped default (0) first.</summary>
    public async Task<IReadOnlyList<VersionedDocument>> HistoryAsync(CancellationToken cancellationToken) =>
        [Shipped.Document, .. await documents.ListVersionsAsync(DocumentKinds.ScorecardConfig, DocumentName, cancellationToken)];

    /// <summary>Checks <paramref name="content"/> and stores it as the next version, with a ledger entry.</summary>
    public async Task<ScorecardConfigVersion> SetAsync(string? content, CancellationToken cancellationToken)
    {
        var config = ScorecardConfigParser.Parse(content);
        var sha = VersionedDocument.HashOf(content!);
        await access.DemandAsync(Permission.ConfigureGovernance, GovernanceActions.ScorecardConfigUpdate, GovernanceResources.Document(DocumentKinds.ScorecardConfig, DocumentName), cancellationToken);
        using var scope = AuditScope.Begin(actor, GovernanceActions.ScorecardConfigUpdate, GovernanceResources.Document(DocumentKinds.ScorecardConfig, DocumentName),
            new JsonObject { ["content_sha256"] = sha, ["name"] = config.Name });
        var stored = await documents.AddAsync(DocumentKinds.ScorecardConfig, DocumentName, content!, sha, actor.Name, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        return new ScorecardConfigVersion(stored, config);
    }

    private static ScorecardConfigVersion Load(VersionedDocument document) => new(document, ScorecardConfigParser.Parse(document.Content));
}
