using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    private static string ModelVersionPath(string name, string version) => Api + "models/" + Segment(name) + "/versions/" + Segment(version);

    /// <summary>A version's whole lifecycle: steps, approvals, gates.</summary>
    /// <param name="name">The model.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The lifecycle.</returns>
    public Task<Lifecycle> GetLifecycleAsync(string name, string version, CancellationToken cancellationToken = default) =>
        GetAsync(ModelVersionPath(name, version) + "/lifecycle", GovernanceJsonTypes.Lifecycle, cancellationToken);

    /// <summary>Both gates' verdicts on a version, as a change would meet them now.</summary>
    /// <param name="name">The model.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The gates.</returns>
    public Task<Gates> GetGatesAsync(string name, string version, CancellationToken cancellationToken = default) =>
        GetAsync(ModelVersionPath(name, version) + "/gates", GovernanceJsonTypes.Gates, cancellationToken);

    /// <summary>The approvals a version needs and those given (stale ones marked).</summary>
    /// <param name="name">The model.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The approvals.</returns>
    public Task<Approvals> ListApprovalsAsync(string name, string version, CancellationToken cancellationToken = default) =>
        GetAsync(ModelVersionPath(name, version) + "/approvals", GovernanceJsonTypes.Approvals, cancellationToken);

    /// <summary>Approves (or rejects) a version's promotion on its current evidence.</summary>
    /// <param name="name">The model.</param>
    /// <param name="version">The version.</param>
    /// <param name="decision">approved or rejected.</param>
    /// <param name="reason">Why; required for a rejection.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The decision as stored.</returns>
    public Task<ApprovalDecision> DecideAsync(string name, string version, string decision, string? reason, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, ModelVersionPath(name, version) + "/approvals", new DecideRequest(decision, reason), GovernanceJsonTypes.DecideRequest, GovernanceJsonTypes.ApprovalDecision, cancellationToken);

    /// <summary>Waives a lifecycle step of a version until <paramref name="expires"/>.</summary>
    /// <param name="name">The model.</param>
    /// <param name="version">The version.</param>
    /// <param name="step">The step's key or number.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="expires">A duration such as <c>30d</c> or <c>12h</c>, or an ISO 8601 date or date-time (required; at most the policy's <c>max_waiver_days</c> away).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The waiver.</returns>
    public Task<Waiver> WaiveStepAsync(string name, string version, string step, string? reason, string? expires, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, ModelVersionPath(name, version) + "/waivers", new WaiveRequest(step, reason, expires), GovernanceJsonTypes.WaiveRequest, GovernanceJsonTypes.Waiver, cancellationToken);

    /// <summary>A version's waivers, expired ones included.</summary>
    /// <param name="name">The model.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The waivers, oldest first.</returns>
    public Task<Page<Waiver>> ListWaiversAsync(string name, string version, CancellationToken cancellationToken = default) =>
        GetAsync(ModelVersionPath(name, version) + "/waivers", GovernanceJsonTypes.PageWaiver, cancellationToken);

    /// <summary>Attests a step the platform holds no evidence for, with a link to the evidence.</summary>
    /// <param name="name">The model.</param>
    /// <param name="version">The version.</param>
    /// <param name="step">business-kpi, feature-pipeline or feedback.</param>
    /// <param name="link">An http(s) URL to the evidence.</param>
    /// <param name="note">A note.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The attestation.</returns>
    public Task<Attestation> AttestStepAsync(string name, string version, string step, string link, string? note = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, ModelVersionPath(name, version) + "/attestations", new AttestRequest(step, link, note), GovernanceJsonTypes.AttestRequest, GovernanceJsonTypes.Attestation, cancellationToken);

    /// <summary>The lifecycle policy in force, or one version (0 is the shipped default).</summary>
    /// <param name="version">A version, or null for the one in force.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The policy.</returns>
    public Task<LifecyclePolicy> GetLifecyclePolicyAsync(int? version = null, CancellationToken cancellationToken = default) =>
        GetAsync(new QueryString(Api + "governance/lifecycle-policy").Add("version", version).ToString(), GovernanceJsonTypes.LifecyclePolicy, cancellationToken);

    /// <summary>Stores a new version of the lifecycle policy (YAML text); a malformed file changes nothing.</summary>
    /// <param name="content">The file's text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored version's number.</returns>
    public async Task<int> SetLifecyclePolicyAsync(string content, CancellationToken cancellationToken = default) =>
        (await SendJsonAsync(HttpMethod.Put, Api + "governance/lifecycle-policy", new ContentRequest(content), GovernanceJsonTypes.ContentRequest,
            GovernanceJsonTypes.LifecyclePolicy, cancellationToken)).Version;
}
