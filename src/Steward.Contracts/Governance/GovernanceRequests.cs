using System.Text.Json;

namespace Steward.Contracts.Governance;

/// <summary>Changes to a governance record; null fields keep their stored value. A new record needs owner and domain.</summary>
/// <param name="Owner">The accountable owner.</param>
/// <param name="Domain">The business unit.</param>
/// <param name="Purpose">What the model is for.</param>
/// <param name="IntendedUse">How it may be used.</param>
/// <param name="AffectedParties">Who its decisions affect.</param>
/// <param name="Target">What it predicts.</param>
/// <param name="Status">draft, active, suspended or retired.</param>
/// <param name="Checklists">Compliance checklists that apply (replaces the list).</param>
public sealed record SetGovernanceRecordRequest(
    string? Owner = null,
    string? Domain = null,
    string? Purpose = null,
    string? IntendedUse = null,
    string? AffectedParties = null,
    string? Target = null,
    string? Status = null,
    IReadOnlyList<string>? Checklists = null);

/// <summary>Records a periodic review.</summary>
/// <param name="Outcome">satisfactory, needs_remediation or unsatisfactory.</param>
/// <param name="Notes">Findings.</param>
public sealed record RecordReviewRequest(string? Outcome, string? Notes);

/// <summary>A configuration file's text, for storing a scorecard configuration, a lifecycle policy or adding a checklist template.</summary>
/// <param name="Content">The file's text.</param>
public sealed record ContentRequest(string? Content);

/// <summary>Scorecard answers to compute or file.</summary>
/// <param name="Factors">Factor key to answer: a level, or a number as a JSON number or text.</param>
public sealed record ScoreRequest(Dictionary<string, JsonElement>? Factors);

/// <summary>Answers a checklist item for a model version.</summary>
/// <param name="Status">met, not_met or not_applicable.</param>
/// <param name="Evidence">Evidence links.</param>
/// <param name="Note">Free text.</param>
public sealed record AnswerRequest(string? Status, IReadOnlyList<EvidenceLink>? Evidence, string? Note);

/// <summary>Edits the people-written text of a model card.</summary>
/// <param name="Sections">Section key to text; empty text clears the section.</param>
/// <param name="BaseRevision">When given, the edit is refused if the card moved on since this revision.</param>
public sealed record EditCardRequest(Dictionary<string, string?>? Sections, int? BaseRevision);
