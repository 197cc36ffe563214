using System.Text.Json.Serialization;

namespace Steward.Contracts.ModelAudits;

/// <summary>
/// POST body of <c>/api/v1/models/{name}/versions/{version}/audits</c>: one of
/// <see cref="FairnessAuditRequest"/>, <see cref="DriftAuditRequest"/> or
/// <see cref="EvaluationAuditRequest"/>, told apart by <see cref="Kind"/>. Files are named
/// relative to the server's data-set folder (<c>steward server --datasets</c>).
/// </summary>
public abstract record ModelAuditRequest
{
    private protected ModelAuditRequest(string kind) => Kind = kind;

    /// <summary><c>fairness</c>, <c>drift</c> or <c>evaluation</c>; each request type sets its own.</summary>
    [JsonPropertyOrder(-1)]
    public string? Kind { get; init; }

    /// <summary>SQL predicate selecting the rows to read (of both files, for drift), e.g. <c>region = 'EU'</c>.</summary>
    public string? Where { get; init; }
}
