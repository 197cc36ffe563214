using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Client.Internal;

// Governance request bodies exactly as the native API reads them.

internal sealed record GovernanceRecordBody(
    string? Owner, string? Domain, string? Purpose, string? IntendedUse, string? AffectedParties, string? Target, string? Status, IReadOnlyList<string>? Checklists);

internal sealed record ReviewBody(string Outcome, string? Notes);

internal sealed record ContentBody(string Content);

internal sealed record FactorsBody(IReadOnlyDictionary<string, string> Factors);

internal sealed record AnswerBody(string Status, IReadOnlyList<EvidenceLink>? Evidence, string? Note);

internal sealed record EditCardBody(IReadOnlyDictionary<string, string> Sections, int? BaseRevision);

internal sealed record DecideBody(string Decision, string? Reason);

internal sealed record WaiveBody(string Step, string? Reason, string? Expires);

internal sealed record AttestBody(string Step, string Link, string? Note);

/// <summary>The governance API's JSON contract, with the same settings as <see cref="ClientJsonContext"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GovernanceRecord))]
[JsonSerializable(typeof(Page<GovernanceRecord>))]
[JsonSerializable(typeof(GovernanceReview))]
[JsonSerializable(typeof(Page<GovernanceReview>))]
[JsonSerializable(typeof(ScorecardConfig))]
[JsonSerializable(typeof(Page<GovernanceDocumentVersion>))]
[JsonSerializable(typeof(ScoreResult))]
[JsonSerializable(typeof(Scorecard))]
[JsonSerializable(typeof(Page<Scorecard>))]
[JsonSerializable(typeof(ChecklistTemplate))]
[JsonSerializable(typeof(Page<ChecklistTemplate>))]
[JsonSerializable(typeof(ChecklistAnswer))]
[JsonSerializable(typeof(Compliance))]
[JsonSerializable(typeof(ModelCard))]
[JsonSerializable(typeof(Page<ModelCardRevision>))]
[JsonSerializable(typeof(RedundancyReport))]
[JsonSerializable(typeof(GovernanceRecordBody))]
[JsonSerializable(typeof(ReviewBody))]
[JsonSerializable(typeof(ContentBody))]
[JsonSerializable(typeof(FactorsBody))]
[JsonSerializable(typeof(AnswerBody))]
[JsonSerializable(typeof(EditCardBody))]
[JsonSerializable(typeof(Lifecycle))]
[JsonSerializable(typeof(Gates))]
[JsonSerializable(typeof(Approvals))]
[JsonSerializable(typeof(ApprovalDecision))]
[JsonSerializable(typeof(Waiver))]
[JsonSerializable(typeof(Page<Waiver>))]
[JsonSerializable(typeof(Attestation))]
[JsonSerializable(typeof(DecideBody))]
[JsonSerializable(typeof(WaiveBody))]
[JsonSerializable(typeof(AttestBody))]
[JsonSerializable(typeof(LifecyclePolicy))]
internal sealed partial class GovernanceClientJsonContext : JsonSerializerContext;
