using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Steward.Governance.Checklists;
using Steward.Governance.ModelCards;
using Steward.Governance.Records;
using Steward.Governance.Scorecards;
using Steward.Identity;
using Steward.Ledger.Canonicalization;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Tracking;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// Everything the platform holds about one version that the lifecycle reads, gathered at one
/// moment: the steps, the approvals and the gates are all decided from one snapshot.
/// </summary>
public sealed record VersionEvidence(
    RegisteredModel Model,
    ModelVersion Version,
    GovernanceRecord? Record,
    Run? Run,
    IReadOnlyList<ModelAudit> Audits,
    ModelCard? Card,
    ComplianceStatus Compliance,
    Scorecard? Scorecard,
    RiskTier Tier,
    string TierSource,
    IReadOnlyList<Approval> Approvals,
    IReadOnlyList<Waiver> Waivers,
    IReadOnlyList<Attestation> Attestations,
    long? FirstEnteredStaging,
    VersionAuthorship Authors,
    long Now)
{
    /// <summary>The version's newest audit of a kind (audits are newest first).</summary>
    public ModelAudit? Latest(ModelAuditKind kind) => Audits.FirstOrDefault(a => a.Kind == kind);

    /// <summary>
    /// What an approval is given on, as JSON: the version (source and run), its newest audit of
    /// each kind, its newest model card revision, its checklist answers and its newest scorecard.
    /// A new audit, card revision, answer or scorecard — or another version — changes it.
    /// </summary>
    public JsonObject EvidenceJson()
    {
        var audits = new JsonObject();
        foreach (var kind in Enum.GetValues<ModelAuditKind>()) audits[ModelAuditKinds.Name(kind)] = Latest(kind)?.Id;
        var answers = new JsonArray();
        foreach (var checklist in Compliance.Checklists.OrderBy(c => c.Template.Document.Name, StringComparer.Ordinal))
        {
            foreach (var item in checklist.Items.Where(i => i.Answer is not null).OrderBy(i => i.Item.Id, StringComparer.Ordinal))
            {
                answers.Add(new JsonObject
                {
                    ["checklist"] = checklist.Template.Document.Name,
                    ["item"] = item.Item.Id,
                    ["status"] = ChecklistNames.Name(item.Answer!.Status),
                    ["answered_at"] = item.Answer.AnsweredAt,
                });
            }
        }

        return new JsonObject
        {
            ["name"] = Version.Name,
            ["version"] = Version.Version,
            ["source"] = Version.Source,
            ["run_id"] = Version.RunId,
            ["audits"] = audits,
            ["card_revision"] = Card?.Revision,
            ["checklist_answers"] = answers,
            ["scorecard_id"] = Scorecard?.Id,
        };
    }

    /// <summary>The canonical (RFC 8785) text of <see cref="EvidenceJson"/>.</summary>
    public string CanonicalEvidence() => Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(EvidenceJson()));

    /// <summary>Lowercase hex SHA-256 of <see cref="CanonicalEvidence"/>: what makes an approval current or stale.</summary>
    public string Fingerprint() => Convert.ToHexStringLower(SHA256.HashData(JsonCanonicalizer.Canonicalize(EvidenceJson())));
}
