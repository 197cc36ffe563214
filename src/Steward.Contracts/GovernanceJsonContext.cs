using System.Text.Json;
using System.Text.Json.Serialization;
using Steward.Contracts.Governance;

namespace Steward.Contracts;

/// <summary>
/// The governance API's types (<c>/api/v1/governance</c> and the per-version governance routes),
/// source-generated with the native API's settings except named floating-point literals.
/// Unknown fields are refused; the SDK reads responses under options that skip them.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(GovernanceRecord))]
[JsonSerializable(typeof(Page<GovernanceRecord>))]
[JsonSerializable(typeof(SetGovernanceRecordRequest))]
[JsonSerializable(typeof(GovernanceReview))]
[JsonSerializable(typeof(Page<GovernanceReview>))]
[JsonSerializable(typeof(RecordReviewRequest))]
[JsonSerializable(typeof(ContentRequest))]
[JsonSerializable(typeof(ScorecardConfig))]
[JsonSerializable(typeof(Page<GovernanceDocumentVersion>))]
[JsonSerializable(typeof(ScoreRequest))]
[JsonSerializable(typeof(ScoreResult))]
[JsonSerializable(typeof(Scorecard))]
[JsonSerializable(typeof(Page<Scorecard>))]
[JsonSerializable(typeof(ChecklistTemplate))]
[JsonSerializable(typeof(Page<ChecklistTemplate>))]
[JsonSerializable(typeof(AnswerRequest))]
[JsonSerializable(typeof(ChecklistAnswer))]
[JsonSerializable(typeof(Compliance))]
[JsonSerializable(typeof(ModelCard))]
[JsonSerializable(typeof(EditCardRequest))]
[JsonSerializable(typeof(Page<ModelCardRevision>))]
[JsonSerializable(typeof(RedundancyReport))]
[JsonSerializable(typeof(Lifecycle))]
[JsonSerializable(typeof(Gates))]
[JsonSerializable(typeof(Approvals))]
[JsonSerializable(typeof(DecideRequest))]
[JsonSerializable(typeof(ApprovalDecision))]
[JsonSerializable(typeof(WaiveRequest))]
[JsonSerializable(typeof(Waiver))]
[JsonSerializable(typeof(Page<Waiver>))]
[JsonSerializable(typeof(AttestRequest))]
[JsonSerializable(typeof(Attestation))]
[JsonSerializable(typeof(Page<Attestation>))]
[JsonSerializable(typeof(Page<LifecycleStepDefinition>))]
[JsonSerializable(typeof(LifecyclePolicy))]
public sealed partial class GovernanceJsonContext : JsonSerializerContext;
