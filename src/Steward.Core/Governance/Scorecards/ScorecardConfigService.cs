using Steward.Audit;
using Steward.Governance.Configuration;
using Steward.Identity;

namespace Steward.Governance.Scorecards;

/// <summary>A version of the scorecard configuration with its parsed formula.</summary>
public sealed record ScorecardConfigVersion(VersionedDocument Document, ScorecardConfig Config);

/// <summary>The scorecard configuration new scorecards are scored with, and its history: a versioned file shipped as <c>Governance/Defaults/scorecard.yaml</c>.</summary>
public sealed class ScorecardConfigService(IGovernanceDocumentStore documents, TimeProvider clock, ICurrentActor actor, AccessControl access)
    : VersionedDocumentService<ScorecardConfig, ScorecardConfigVersion>(File, documents, clock, actor, access)
{
    private static readonly VersionedDocumentKind<ScorecardConfig, ScorecardConfigVersion> File = new(
        DocumentKinds.ScorecardConfig, "Scorecard configuration", GovernanceActions.ScorecardConfigUpdate, "scorecard.yaml",
        ScorecardConfigParser.Parse, (document, config) => new(document, config),
        config => new() { ["name"] = config.Name });

    /// <summary>The shipped default as version 0.</summary>
    public static ScorecardConfigVersion Shipped => File.Shipped;
}
