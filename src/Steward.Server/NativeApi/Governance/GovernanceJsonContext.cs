using System.Text.Json;
using System.Text.Json.Serialization;
using Steward.Server.NativeApi.Contracts;

namespace Steward.Server.NativeApi.Governance;

/// <summary>The governance API's types, source-generated with the native API's settings (unknown request fields refused).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(GovernanceRecordDto))]
[JsonSerializable(typeof(ListResponse<GovernanceRecordDto>))]
[JsonSerializable(typeof(SetGovernanceRecordRequest))]
[JsonSerializable(typeof(ReviewDto))]
[JsonSerializable(typeof(ListResponse<ReviewDto>))]
[JsonSerializable(typeof(RecordReviewRequest))]
[JsonSerializable(typeof(ContentRequest))]
[JsonSerializable(typeof(ScorecardConfigDto))]
[JsonSerializable(typeof(ListResponse<DocumentVersionDto>))]
[JsonSerializable(typeof(ScoreRequest))]
[JsonSerializable(typeof(ScoreResultDto))]
[JsonSerializable(typeof(ScorecardDto))]
[JsonSerializable(typeof(ListResponse<ScorecardDto>))]
[JsonSerializable(typeof(ChecklistTemplateDto))]
[JsonSerializable(typeof(ListResponse<ChecklistTemplateDto>))]
[JsonSerializable(typeof(AnswerRequest))]
[JsonSerializable(typeof(ChecklistAnswerDto))]
[JsonSerializable(typeof(ComplianceDto))]
[JsonSerializable(typeof(ModelCardDto))]
[JsonSerializable(typeof(EditCardRequest))]
[JsonSerializable(typeof(ListResponse<CardRevisionDto>))]
[JsonSerializable(typeof(RedundancyDto))]
[JsonSerializable(typeof(LifecycleDto))]
[JsonSerializable(typeof(GatesDto))]
[JsonSerializable(typeof(ApprovalsDto))]
[JsonSerializable(typeof(DecideRequest))]
[JsonSerializable(typeof(DecisionDto))]
[JsonSerializable(typeof(WaiveRequest))]
[JsonSerializable(typeof(WaiverDto))]
[JsonSerializable(typeof(ListResponse<WaiverDto>))]
[JsonSerializable(typeof(AttestRequest))]
[JsonSerializable(typeof(AttestationDto))]
[JsonSerializable(typeof(ListResponse<AttestationDto>))]
[JsonSerializable(typeof(ListResponse<StepDefinitionDto>))]
[JsonSerializable(typeof(LifecyclePolicyDto))]
internal sealed partial class GovernanceJsonContext : JsonSerializerContext;
