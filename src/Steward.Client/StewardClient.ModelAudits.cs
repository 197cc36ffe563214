using Steward.Client.Internal;
using Steward.Contracts.ModelAudits;

namespace Steward.Client;

public sealed partial class StewardClient
{
    /// <summary>
    /// Runs a fairness, drift or evaluation audit of a model version on files in the server's
    /// data-set folder (<c>steward server --datasets</c>) and keeps it as evidence for the
    /// version's lifecycle steps and its scorecard's bias risk. Needs the run-audits permission.
    /// </summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="request">A <see cref="FairnessAuditRequest"/>, <see cref="DriftAuditRequest"/> or <see cref="EvaluationAuditRequest"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The recorded audit with its verdict, summary and full report.</returns>
    public Task<ModelAudit> RunModelAuditAsync(string name, int version, ModelAuditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = AuditsUrl(name, version);
        return request switch
        {
            FairnessAuditRequest fairness => SendJsonAsync(HttpMethod.Post, url, fairness, Json.FairnessAuditRequest, Json.ModelAudit, cancellationToken),
            DriftAuditRequest drift => SendJsonAsync(HttpMethod.Post, url, drift, Json.DriftAuditRequest, Json.ModelAudit, cancellationToken),
            EvaluationAuditRequest evaluation => SendJsonAsync(HttpMethod.Post, url, evaluation, Json.EvaluationAuditRequest, Json.ModelAudit, cancellationToken),
            _ => throw new ArgumentException($"Unknown audit request type {request.GetType().Name}.", nameof(request)),
        };
    }

    /// <summary>The audits of a model version, newest first, without their reports (<see cref="GetModelAuditAsync"/> has them).</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="kind"><c>fairness</c>, <c>drift</c> or <c>evaluation</c>; every kind when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The audits.</returns>
    public async Task<IReadOnlyList<ModelAudit>> ListModelAuditsAsync(string name, int version, string? kind = null, CancellationToken cancellationToken = default) =>
        (await GetAsync(new QueryString(AuditsUrl(name, version)).Add("kind", kind).ToString(), Json.PageModelAudit, cancellationToken)).Items;

    /// <summary>Reads one audit with its full report.</summary>
    /// <param name="id">The audit's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The audit.</returns>
    public Task<ModelAudit> GetModelAuditAsync(long id, CancellationToken cancellationToken = default) =>
        GetAsync($"{Api}model-audits/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", Json.ModelAudit, cancellationToken);

    private static string AuditsUrl(string name, int version) => VersionUrl(name, version) + "/audits";
}
