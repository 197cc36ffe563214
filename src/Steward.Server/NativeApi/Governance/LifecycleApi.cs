using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Steward.Contracts;
using Steward.Governance;
using Steward.Governance.Lifecycle;
using Steward.Identity;

namespace Steward.Server.NativeApi.Governance;

/// <summary>
/// The lifecycle of a version under <c>/api/v1/models/{name}/versions/{version}</c>:
/// <c>/lifecycle</c> (everything at once), <c>/approvals</c>, <c>/waivers</c>,
/// <c>/attestations</c>, <c>/gates</c>; and the lifecycle policy and step definitions under
/// <c>/api/v1/governance</c>.
/// </summary>
internal static class LifecycleApi
{
    private const string Version = "/models/{name}/versions/{version}";

    private static GovernanceJsonContext Json => GovernanceJsonContext.Default;

    public static void MapLifecycleApi(this RouteGroupBuilder api)
    {
        api.MapGet(Version + "/lifecycle", StateAsync);
        api.MapGet(Version + "/gates", GatesAsync);
        api.MapGet(Version + "/approvals", ApprovalsAsync);
        api.MapPost(Version + "/approvals", DecideAsync).Requires(Permission.ApproveVersions, GovernanceActions.VersionApprove, WritePermissions.Approvals);
        api.MapGet(Version + "/waivers", WaiversAsync);
        api.MapPost(Version + "/waivers", WaiveAsync).Requires(Permission.RecordLifecycleSteps, GovernanceActions.StepWaive, WritePermissions.Lifecycle);
        api.MapGet(Version + "/attestations", AttestationsAsync);
        api.MapPost(Version + "/attestations", AttestAsync).Requires(Permission.RecordLifecycleSteps, GovernanceActions.StepAttest, WritePermissions.Lifecycle);
        api.MapGet("/governance/lifecycle-steps", Steps);
        api.MapGet("/governance/lifecycle-policy", PolicyAsync);
        api.MapPut("/governance/lifecycle-policy", SetPolicyAsync).Requires(Permission.ConfigureGovernance, GovernanceActions.LifecyclePolicyUpdate);
        api.MapGet("/governance/lifecycle-policy/versions", PolicyHistoryAsync);
    }

    private static async Task<JsonHttpResult<LifecycleDto>> StateAsync(LifecycleService lifecycle, TimeProvider clock, string name, string version, CancellationToken cancellationToken) =>
        ApiResults.Ok((await lifecycle.GetStateAsync(Requests.RouteValue(name), version, cancellationToken)).ToDto(Now(clock)), Json.Lifecycle);

    /// <summary>Both gates' verdicts as a change would meet them now; nothing is recorded.</summary>
    private static async Task<JsonHttpResult<GatesDto>> GatesAsync(LifecycleService lifecycle, string name, string version, CancellationToken cancellationToken)
    {
        var state = await lifecycle.GetStateAsync(Requests.RouteValue(name), version, cancellationToken);
        return ApiResults.Ok(new GatesDto(state.Staging.ToDto(), state.Production.ToDto()), Json.Gates);
    }

    private static async Task<JsonHttpResult<ApprovalsDto>> ApprovalsAsync(LifecycleService lifecycle, string name, string version, CancellationToken cancellationToken) =>
        ApiResults.Ok((await lifecycle.GetStateAsync(Requests.RouteValue(name), version, cancellationToken)).Approvals.ToDto(), Json.Approvals);

    private static async Task<CreatedJson<DecisionDto>> DecideAsync(LifecycleService lifecycle, string name, string version, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.DecideRequest, cancellationToken);
        var decision = ApprovalNames.Parse(Requests.Required(body.Decision, "decision"));
        var approval = decision == ApprovalDecision.Approved
            ? await lifecycle.ApproveAsync(Requests.RouteValue(name), version, body.Reason, cancellationToken)
            : await lifecycle.RejectAsync(Requests.RouteValue(name), version, body.Reason, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/models/{Uri.EscapeDataString(approval.ModelName)}/versions/{approval.Version}/approvals", approval.ToDto(), Json.ApprovalDecision);
    }

    private static async Task<JsonHttpResult<Page<WaiverDto>>> WaiversAsync(LifecycleService lifecycle, TimeProvider clock, string name, string version, CancellationToken cancellationToken)
    {
        var now = Now(clock);
        var waivers = await lifecycle.ListWaiversAsync(Requests.RouteValue(name), version, cancellationToken);
        return ApiResults.Ok(new Page<WaiverDto>(waivers.Select(w => w.ToDto(now)).ToList(), null), Json.PageWaiver);
    }

    private static async Task<CreatedJson<WaiverDto>> WaiveAsync(LifecycleService lifecycle, TimeProvider clock, string name, string version, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.WaiveRequest, cancellationToken);
        var waiver = await lifecycle.WaiveAsync(Requests.RouteValue(name), version, body.Step, body.Reason, body.Expires, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/models/{Uri.EscapeDataString(waiver.ModelName)}/versions/{waiver.Version}/waivers", waiver.ToDto(Now(clock)), Json.Waiver);
    }

    private static async Task<JsonHttpResult<Page<AttestationDto>>> AttestationsAsync(LifecycleService lifecycle, string name, string version, CancellationToken cancellationToken)
    {
        var attestations = await lifecycle.ListAttestationsAsync(Requests.RouteValue(name), version, cancellationToken);
        return ApiResults.Ok(new Page<AttestationDto>(attestations.Select(a => a.ToDto()).ToList(), null), Json.PageAttestation);
    }

    private static async Task<CreatedJson<AttestationDto>> AttestAsync(LifecycleService lifecycle, string name, string version, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.AttestRequest, cancellationToken);
        var attestation = await lifecycle.AttestAsync(Requests.RouteValue(name), version, body.Step, body.Link, body.Note, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/models/{Uri.EscapeDataString(attestation.ModelName)}/versions/{attestation.Version}/attestations", attestation.ToDto(), Json.Attestation);
    }

    private static JsonHttpResult<Page<StepDefinitionDto>> Steps() =>
        ApiResults.Ok(new Page<StepDefinitionDto>(LifecycleSteps.All.Select(s => s.ToDto()).ToList(), null), Json.PageLifecycleStepDefinition);

    private static async Task<JsonHttpResult<LifecyclePolicyDto>> PolicyAsync(LifecyclePolicyService policies, [FromQuery] string? version, CancellationToken cancellationToken)
    {
        var number = GovernanceQuery.Integer(version, "version");
        var policy = number is null ? await policies.CurrentAsync(cancellationToken) : await policies.GetAsync(number.Value, cancellationToken);
        return ApiResults.Ok(policy.ToDto(), Json.LifecyclePolicy);
    }

    /// <summary>Stores a new version of the policy (YAML text in <c>content</c>).</summary>
    private static async Task<JsonHttpResult<LifecyclePolicyDto>> SetPolicyAsync(LifecyclePolicyService policies, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.ContentRequest, cancellationToken);
        return ApiResults.Ok((await policies.SetAsync(Requests.Required(body.Content, "content"), cancellationToken)).ToDto(), Json.LifecyclePolicy);
    }

    private static async Task<JsonHttpResult<Page<DocumentVersionDto>>> PolicyHistoryAsync(LifecyclePolicyService policies, CancellationToken cancellationToken)
    {
        var history = await policies.HistoryAsync(cancellationToken);
        return ApiResults.Ok(new Page<DocumentVersionDto>(
            history.Select(d => new DocumentVersionDto(d.Name, d.Version, d.Sha256, d.CreatedBy, d.CreatedAt?.ToUnixTimeMilliseconds())).ToList(), null), Json.PageGovernanceDocumentVersion);
    }

    private static long Now(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
