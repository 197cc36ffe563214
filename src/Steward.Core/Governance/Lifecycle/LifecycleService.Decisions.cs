using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Registry;

namespace Steward.Governance.Lifecycle;

/// <summary>
/// The decisions: approvals and rejections, waivers, attestations. Each is checked whole before
/// anything is written — the caller's permission (role, step owner, authorship) first, then what it
/// sent (step, reason, expiry) — and stored with its ledger entry in one transaction.
/// </summary>
public sealed partial class LifecycleService
{
    /// <summary>Approves the version's promotion on its current evidence; <paramref name="reason"/> is optional.</summary>
    public Task<Approval> ApproveAsync(string? modelName, string? version, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(modelName, version, ApprovalDecision.Approved, reason, cancellationToken);

    /// <summary>Rejects the version's promotion on its current evidence; <paramref name="reason"/> is required.</summary>
    public Task<Approval> RejectAsync(string? modelName, string? version, string? reason, CancellationToken cancellationToken) =>
        DecideAsync(modelName, version, ApprovalDecision.Rejected, reason, cancellationToken);

    /// <summary>
    /// Waives a step of the version until <paramref name="expires"/>: a duration such as <c>30d</c>
    /// or <c>12h</c>, or an ISO 8601 date or date-time (UTC unless it says otherwise), at most the
    /// lifecycle policy's <c>max_waiver_days</c> away.
    /// </summary>
    public async Task<Waiver> WaiveAsync(string? modelName, string? version, string? step, string? reason, string? expires, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        var definition = await DemandOwnerAsync(modelVersion, step, GovernanceActions.StepWaive, cancellationToken);
        if (!definition.Waivable) throw StewardException.Invalid($"Step '{definition.Key}' cannot be waived: the approvals a promotion needs are given, never set aside.");
        var why = RequiredText(reason, "reason", "A waiver needs a reason");
        var policy = (await policies.CurrentAsync(cancellationToken)).Policy;
        var now = clock.GetUtcNow();
        var until = ParseExpiry(expires, now, policy.MaxWaiverDays);
        var resource = GovernanceResources.Step(modelVersion.Name, modelVersion.Version, definition.Key);

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
        var definition = await DemandOwnerAsync(modelVersion, step, GovernanceActions.StepAttest, cancellationToken);
        if (!definition.Attestable)
            throw StewardException.Invalid($"Step '{definition.Key}' is closed by evidence the platform holds ({definition.Evidence}); it cannot be attested.");
        var url = RequiredText(link, "link", "An attestation needs a link to its evidence");
        Validation.MaxLength(url, GovernanceLimits.MaxEvidenceReference, "link");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw StewardException.Invalid($"The attestation link '{url}' must be an absolute http or https URL.");
        Validation.MaxLength(note, GovernanceLimits.MaxLongText, "note");
        var resource = GovernanceResources.Step(modelVersion.Name, modelVersion.Version, definition.Key);

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

        var why = decision == ApprovalDecision.Rejected ? RequiredText(reason, "reason", "A rejection needs a reason") : reason?.Trim() ?? "";
        Validation.MaxLength(why, GovernanceLimits.MaxLongText, "reason");
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

    /// <summary>
    /// The permission to record steps, then the step (named by the request), then its owner role:
    /// a caller who may record no step is refused before anything it sent is read.
    /// </summary>
    private async Task<LifecycleStep> DemandOwnerAsync(ModelVersion version, string? step, string action, CancellationToken cancellationToken)
    {
        var known = LifecycleSteps.TryFind(step);
        var resource = known is null
            ? GovernanceResources.Lifecycle(version.Name, version.Version)
            : GovernanceResources.Step(version.Name, version.Version, known.Key);
        await access.DemandAsync(Permission.RecordLifecycleSteps, action, resource, cancellationToken);
        var definition = known ?? LifecycleSteps.Find(step);
        var principal = access.Principal;
        if (principal.IsAdmin || principal.Roles.Contains(definition.Owner)) return definition;
        await access.RefuseAsync(Permission.RecordLifecycleSteps, action, resource, "step-owner",
            $"{principal.Name} may not {(action == GovernanceActions.StepWaive ? "waive" : "attest")} step '{definition.Key}': only its owner role {Roles.Name(definition.Owner)} may; "
            + $"{principal.Name} holds {string.Join(", ", principal.RoleNames)}.", cancellationToken);
        return definition;
    }

    private static string RequiredText(string? value, string field, string what)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw StewardException.Invalid($"{what}: missing value for required parameter '{field}'.");
        Validation.MaxLength(text, GovernanceLimits.MaxLongText, field);
        return text;
    }

    /// <summary>A waiver's end: what <see cref="Expiries.Parse"/> reads, never <c>never</c>, at most <c>max_waiver_days</c> away.</summary>
    private static DateTimeOffset ParseExpiry(string? expires, DateTimeOffset now, int maxDays)
    {
        if (string.IsNullOrWhiteSpace(expires))
            throw StewardException.Invalid($"A waiver needs an expiry: missing value for required parameter 'expires' ({Expiries.Forms}).");
        if (expires.Trim().Equals("never", StringComparison.OrdinalIgnoreCase))
            throw Expiries.Invalid(expires, "expires", $"a waiver cannot be given 'never': the lifecycle policy's max_waiver_days lets it run at most {maxDays} days");
        var until = Expiries.Parse(expires, now, allowNever: false)!.Value;
        if (until > now.AddDays(maxDays))
        {
            throw Expiries.Invalid(expires, "expires",
                $"{until:yyyy-MM-dd'T'HH:mm:ss'Z'} is more than {maxDays} days away, the longest the lifecycle policy's max_waiver_days allows");
        }

        return until;
    }
}
