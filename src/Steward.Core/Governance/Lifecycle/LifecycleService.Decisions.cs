using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// The decisions: approvals and rejections, waivers, attestations. Each is checked whole
/// (version, step, reason, expiry, permission, role, authorship) before anything is written, then
/// stored with its ledger entry in one transaction.
/// </summary>
public sealed partial class LifecycleService
{
    /// <summary>Approves the version's promotion on its current evidence; <paramref name="reason"/> is optional.</summary>
    public Task<Approval> ApproveAsync(string? modelName, string? version, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(modelName, version, ApprovalDecision.Approved, reason, cancellationToken);

    /// <summary>Rejects the version's promotion on its current evidence; <paramref name="reason"/> is required.</summary>
    public Task<Approval> RejectAsync(string? modelName, string? version, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(modelName, version, ApprovalDecision.Rejected, reason, cancellationToken);

    /// <summary>Waives a step of the version until <paramref name="expires"/> (an ISO 8601 date or date-time, UTC unless it says otherwise).</summary>
    public async Task<Waiver> WaiveAsync(string? modelName, string? version, string? step, string? reason, string? expires, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        var definition = LifecycleSteps.Find(step);
        if (!definition.Waivable) throw StewardException.Invalid($"Step '{definition.Key}' cannot be waived: the approvals a promotion needs are given, never set aside.");
        var why = RequiredText(reason, "reason", "A waiver needs a reason");
        var policy = (await policies.CurrentAsync(cancellationToken)).Policy;
        var now = clock.GetUtcNow();
        var until = ParseExpiry(expires, now, policy.MaxWaiverDays);
        var resource = GovernanceResources.Step(modelVersion.Name, modelVersion.Version, definition.Key);
        await DemandOwnerAsync(definition, GovernanceActions.StepWaive, resource, cancellationToken);

        var waiver = new Waiver(0, modelVersion.Name, modelVersion.Version, definition.Key, why, until.ToUnixTimeMilliseconds(), actor.Name, now.ToUnixTimeMilliseconds());
        var payload = new JsonObject
        {
            ["name"] = waiver.ModelName, ["version"] = waiver.Version, ["step"] = waiver.Step, ["reason"] = waiver.Reason, ["expires_at"] = waiver.ExpiresAt,
        };
        return await store.AddWaiverAsync(AuditedChange.Of(actor, GovernanceActions.StepWaive, resource, payload), waiver, cancellationToken);
    }

    /// <summary>Attests a step the platform holds no evidence for (business KPI, feature pipeline, feedback), with a link to the evidence.</summary>
    public async Task<Attestation> AttestAsync(string? modelName, string? version, string? step, string? link, string? note, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        var definition = LifecycleSteps.Find(step);
        if (!definition.Attestable)
            throw StewardException.Invalid($"Step '{definition.Key}' is closed by evidence the platform holds ({definition.Evidence}); it cannot be attested.");
        var url = RequiredText(link, "link", "An attestation needs a link to its evidence");
        Validation.MaxLength(url, GovernanceLimits.MaxEvidenceReference, "link");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw StewardException.Invalid($"The attestation link '{url}' must be an absolute http or https URL.");
        Validation.MaxLength(note, GovernanceLimits.MaxLongText, "note");
        var resource = GovernanceResources.Step(modelVersion.Name, modelVersion.Version, definition.Key);
        await DemandOwnerAsync(definition, GovernanceActions.StepAttest, resource, cancellationToken);

        var attestation = new Attestation(0, modelVersion.Name, modelVersion.Version, definition.Key, url, note?.Trim() ?? "", actor.Name,
            access.Principal.Roles, clock.GetUtcNow().ToUnixTimeMilliseconds());
        var payload = new JsonObject
        {
            ["name"] = attestation.ModelName, ["version"] = attestation.Version, ["step"] = attestation.Step, ["link"] = attestation.Link, ["note"] = attestation.Note,
        };
        return await store.AddAttestationAsync(AuditedChange.Of(actor, GovernanceActions.StepAttest, resource, payload), attestation, cancellationToken);
    }

    private async Task<Approval> DecideAsync(string? modelName, string? version, ApprovalDecision decision, string? reason, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        var why = decision == ApprovalDecision.Rejected ? RequiredText(reason, "reason", "A rejection needs a reason") : reason?.Trim() ?? "";
        Validation.MaxLength(why, GovernanceLimits.MaxLongText, "reason");
        var action = decision == ApprovalDecision.Approved ? GovernanceActions.VersionApprove : GovernanceActions.VersionReject;
        var resource = GovernanceResources.Approvals(modelVersion.Name, modelVersion.Version);
        await access.DemandAsync(Permission.ApproveVersions, action, resource, cancellationToken);

        var snapshot = await SnapshotAsync(modelVersion, cancellationToken);
        var principal = access.Principal;
        var requirements = snapshot.Policy.Policy.Approvals[snapshot.Evidence.Tier];
        var roles = requirements.SelectMany(r => r.Roles).Distinct().ToList();
        if (!principal.IsAdmin && !principal.Roles.Any(roles.Contains))
        {
            await access.RefuseAsync(Permission.ApproveVersions, action, resource, "approver-role",
                $"{principal.Name} may not decide on {modelVersion.Name} version {modelVersion.Version}: its {RiskTiers.Name(snapshot.Evidence.Tier)} risk tier takes decisions from "
                + $"{string.Join(", ", roles.Select(Roles.Name))}; {principal.Name} holds {string.Join(", ", principal.RoleNames)}.", cancellationToken);
        }

        if (SeparationOfDuties.AuthorshipOf(snapshot.Evidence.Authors, principal.Name) is { } authored)
        {
            await access.RefuseAsync(Permission.ApproveVersions, action, resource, "author",
                $"{principal.Name} may not decide on {modelVersion.Name} version {modelVersion.Version}: {principal.Name} is one of its authors ({authored}); separation of duties needs another approver.",
                cancellationToken);
        }

        var approval = new Approval(0, modelVersion.Name, modelVersion.Version, principal.Name, principal.Roles, decision, why, snapshot.Evidence.Tier,
            snapshot.Evidence.Fingerprint(), snapshot.Evidence.CanonicalEvidence(), clock.GetUtcNow().ToUnixTimeMilliseconds());
        var payload = new JsonObject
        {
            ["name"] = approval.ModelName,
            ["version"] = approval.Version,
            ["decision"] = ApprovalNames.Name(decision),
            ["reason"] = approval.Reason,
            ["roles"] = new JsonArray(principal.RoleNames.Select(r => (JsonNode?)r).ToArray()),
            ["tier"] = RiskTiers.Name(approval.Tier),
            ["evidence"] = snapshot.Evidence.EvidenceJson(),
            ["evidence_sha256"] = approval.EvidenceFingerprint,
            ["policy_version"] = snapshot.Policy.Document.Version,
        };
        return await store.AddApprovalAsync(AuditedChange.Of(actor, action, resource, payload), approval, cancellationToken);
    }

    private async Task DemandOwnerAsync(LifecycleStep step, string action, string resource, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Permission.RecordLifecycleSteps, action, resource, cancellationToken);
        var principal = access.Principal;
        if (principal.IsAdmin || principal.Roles.Contains(step.Owner)) return;
        await access.RefuseAsync(Permission.RecordLifecycleSteps, action, resource, "step-owner",
            $"{principal.Name} may not {(action == GovernanceActions.StepWaive ? "waive" : "attest")} step '{step.Key}': only its owner role {Roles.Name(step.Owner)} may; "
            + $"{principal.Name} holds {string.Join(", ", principal.RoleNames)}.", cancellationToken);
    }

    private static string RequiredText(string? value, string field, string what)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw StewardException.Invalid($"{what}: missing value for required parameter '{field}'.");
        Validation.MaxLength(text, GovernanceLimits.MaxLongText, field);
        return text;
    }

    private static DateTimeOffset ParseExpiry(string? expires, DateTimeOffset now, int maxDays)
    {
        var text = expires?.Trim() ?? "";
        if (text.Length == 0) throw StewardException.Invalid("A waiver needs an expiry: missing value for required parameter 'expires' (an ISO 8601 date or date-time).");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var until))
            throw StewardException.Invalid($"Invalid value '{expires}' for 'expires': expected an ISO 8601 date or date-time such as 2027-03-31 or 2027-03-31T12:00:00Z.");
        if (until <= now) throw StewardException.Invalid($"The expiry {until:yyyy-MM-dd'T'HH:mm:ss'Z'} is not in the future.");
        if (until > now.AddDays(maxDays)) throw StewardException.Invalid($"The expiry {until:yyyy-MM-dd'T'HH:mm:ss'Z'} is more than {maxDays} days away, the longest the lifecycle policy allows.");
        return until;
    }
}
