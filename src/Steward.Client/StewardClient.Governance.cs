using System.Text.Json;
using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    private const string Governance = Api + "governance/";

    private static GovernanceJsonContext GovernanceJsonTypes => ClientJson.Governance;

    /// <summary>Reads a model's governance record with its risk and review schedule.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record.</returns>
    public Task<GovernanceRecord> GetGovernanceRecordAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync(Governance + "models/" + Segment(name), GovernanceJsonTypes.GovernanceRecord, cancellationToken);

    /// <summary>Creates or changes a model's governance record; fields left null keep their value.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="changes">The fields to set; a new record needs owner and domain.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record as stored.</returns>
    public Task<GovernanceRecord> SetGovernanceRecordAsync(string name, SetGovernanceRecordRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return SendJsonAsync(HttpMethod.Put, Governance + "models/" + Segment(name), changes, GovernanceJsonTypes.SetGovernanceRecordRequest, GovernanceJsonTypes.GovernanceRecord, cancellationToken);
    }

    /// <summary>Reads one page of the risk registry, by model name.</summary>
    /// <param name="search">Filters; every record when null.</param>
    /// <param name="pageToken">The previous page's token, or null for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page.</returns>
    public Task<Page<GovernanceRecord>> ListGovernanceRecordsAsync(GovernanceRecordSearch? search = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        search ??= new GovernanceRecordSearch();
        var path = new QueryString(Governance + "models")
            .Add("domain", search.Domain)
            .Add("owner", search.Owner)
            .Add("status", search.Status)
            .Add("tier", search.Tier)
            .Add("overdue", search.OverdueOnly ? "true" : null)
            .Add("maxResults", search.MaxResults)
            .Add("pageToken", pageToken);
        return GetAsync(path.ToString(), GovernanceJsonTypes.PageGovernanceRecord, cancellationToken);
    }

    /// <summary>The review schedule, soonest due first.</summary>
    /// <param name="overdueOnly">Only models past their due date.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The records under review.</returns>
    public Task<Page<GovernanceRecord>> ListReviewScheduleAsync(bool overdueOnly = false, CancellationToken cancellationToken = default) =>
        GetAsync(Governance + "reviews" + (overdueOnly ? "?overdue=true" : ""), GovernanceJsonTypes.PageGovernanceRecord, cancellationToken);

    /// <summary>Records a periodic review of a model.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="outcome">satisfactory, needs_remediation or unsatisfactory.</param>
    /// <param name="notes">Findings.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The review as stored.</returns>
    public Task<GovernanceReview> RecordReviewAsync(string name, string outcome, string? notes = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Governance + "models/" + Segment(name) + "/reviews", new RecordReviewRequest(outcome, notes), GovernanceJsonTypes.RecordReviewRequest, GovernanceJsonTypes.GovernanceReview, cancellationToken);

    /// <summary>A model's reviews, newest first.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The reviews.</returns>
    public Task<Page<GovernanceReview>> ListReviewsAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync(Governance + "models/" + Segment(name) + "/reviews", GovernanceJsonTypes.PageGovernanceReview, cancellationToken);

    /// <summary>The scorecard configuration in force, or one version (0 is the shipped default).</summary>
    /// <param name="version">A version, or null for the one in force.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The configuration.</returns>
    public Task<ScorecardConfig> GetScorecardConfigAsync(int? version = null, CancellationToken cancellationToken = default) =>
        GetAsync(new QueryString(Governance + "scorecard/config").Add("version", version).ToString(), GovernanceJsonTypes.ScorecardConfig, cancellationToken);

    /// <summary>Stores a new version of the scorecard configuration (YAML text); a malformed file changes nothing.</summary>
    /// <param name="content">The file's text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored version.</returns>
    public Task<ScorecardConfig> SetScorecardConfigAsync(string content, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, Governance + "scorecard/config", new ContentRequest(content), GovernanceJsonTypes.ContentRequest, GovernanceJsonTypes.ScorecardConfig, cancellationToken);

    /// <summary>Every version of the scorecard configuration, the shipped default (0) first.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The versions.</returns>
    public Task<Page<GovernanceDocumentVersion>> ListScorecardConfigVersionsAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Governance + "scorecard/config/versions", GovernanceJsonTypes.PageGovernanceDocumentVersion, cancellationToken);

    /// <summary>Scores answers with the server's configuration, storing nothing.</summary>
    /// <param name="factors">Factor key → answer (a level or a number).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The score and tier.</returns>
    public Task<ScoreResult> ScoreAsync(IReadOnlyDictionary<string, string> factors, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Governance + "scorecard/score", ScoreRequestOf(factors), GovernanceJsonTypes.ScoreRequest, GovernanceJsonTypes.ScoreResult, cancellationToken);

    /// <summary>Files a scorecard for a model version; factors the platform holds evidence for are filled by it.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="version">The version.</param>
    /// <param name="factors">Hand-entered answers.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The filed scorecard.</returns>
    public Task<Scorecard> FileScorecardAsync(string name, int version, IReadOnlyDictionary<string, string> factors, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, VersionPath(name, version) + "/scorecards", ScoreRequestOf(factors), GovernanceJsonTypes.ScoreRequest, GovernanceJsonTypes.Scorecard, cancellationToken);

    /// <summary>A version's scorecards, newest first.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The scorecards.</returns>
    public Task<Page<Scorecard>> ListScorecardsAsync(string name, int version, CancellationToken cancellationToken = default) =>
        GetAsync(VersionPath(name, version) + "/scorecards", GovernanceJsonTypes.PageScorecard, cancellationToken);

    /// <summary>The newest version of every compliance checklist template.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The templates.</returns>
    public Task<Page<ChecklistTemplate>> ListChecklistsAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Governance + "checklists", GovernanceJsonTypes.PageChecklistTemplate, cancellationToken);

    /// <summary>One checklist template.</summary>
    /// <param name="name">e.g. <c>gdpr</c>.</param>
    /// <param name="version">A version, or null for the newest.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The template.</returns>
    public Task<ChecklistTemplate> GetChecklistAsync(string name, int? version = null, CancellationToken cancellationToken = default) =>
        GetAsync(new QueryString(Governance + "checklists/" + Segment(name)).Add("version", version).ToString(), GovernanceJsonTypes.ChecklistTemplate, cancellationToken);

    /// <summary>Adds a checklist template (YAML text), or the next version of one with the same name.</summary>
    /// <param name="content">The file's text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored template.</returns>
    public Task<ChecklistTemplate> AddChecklistAsync(string content, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Governance + "checklists", new ContentRequest(content), GovernanceJsonTypes.ContentRequest, GovernanceJsonTypes.ChecklistTemplate, cancellationToken);

    /// <summary>Answers a checklist item for a model version.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="version">The version.</param>
    /// <param name="checklist">The checklist.</param>
    /// <param name="item">The item.</param>
    /// <param name="status">met, not_met or not_applicable.</param>
    /// <param name="evidence">Evidence links (required for met on most items).</param>
    /// <param name="note">Free text (required for not_applicable).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer as stored.</returns>
    public Task<ChecklistAnswer> AnswerChecklistItemAsync(
        string name, int version, string checklist, string item, string status, IReadOnlyList<EvidenceLink>? evidence = null, string? note = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, $"{VersionPath(name, version)}/checklists/{Segment(checklist)}/items/{Segment(item)}",
            new AnswerRequest(status, evidence, note), GovernanceJsonTypes.AnswerRequest, GovernanceJsonTypes.ChecklistAnswer, cancellationToken);

    /// <summary>A model version's compliance: checklist completion and audit score.</summary>
    /// <param name="name">The registered model.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The compliance.</returns>
    public Task<Compliance> GetComplianceAsync(string name, int version, CancellationToken cancellationToken = default) =>
        GetAsync(VersionPath(name, version) + "/compliance", GovernanceJsonTypes.Compliance, cancellationToken);

    /// <summary>Reports models in different domains that predict the same target from overlapping inputs.</summary>
    /// <param name="threshold">Jaccard threshold in (0, 1]; 0.5 when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The redundancy groups.</returns>
    public Task<RedundancyReport> FindRedundancyAsync(double? threshold = null, CancellationToken cancellationToken = default) =>
        GetAsync(new QueryString(Governance + "redundancy").Add("threshold", threshold?.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString(),
            GovernanceJsonTypes.RedundancyReport, cancellationToken);

    private static string VersionPath(string name, int version) =>
        $"{Governance}models/{Segment(name)}/versions/{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Answers travel as JSON strings, which the server reads as a level or parses as a number.</summary>
    private static ScoreRequest ScoreRequestOf(IReadOnlyDictionary<string, string> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return new ScoreRequest(factors.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value, GovernanceJsonTypes.String), StringComparer.Ordinal));
    }
}
