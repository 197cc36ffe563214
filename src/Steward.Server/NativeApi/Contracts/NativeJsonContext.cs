using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Server.NativeApi.Contracts;

/// <summary>
/// Every type the native API reads or writes, source-generated. NaN and ±Infinity travel as the
/// strings "NaN", "Infinity", "-Infinity" because metrics may hold them and plain JSON cannot.
/// Unknown request fields are refused: a misspelt option must not be silently ignored.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ProblemDto))]
[JsonSerializable(typeof(ExperimentDto))]
[JsonSerializable(typeof(CreatedExperimentDto))]
[JsonSerializable(typeof(ListResponse<ExperimentDto>))]
[JsonSerializable(typeof(CreateExperimentRequest))]
[JsonSerializable(typeof(UpdateExperimentRequest))]
[JsonSerializable(typeof(SetTagRequest))]
[JsonSerializable(typeof(RunDto))]
[JsonSerializable(typeof(ListResponse<RunDto>))]
[JsonSerializable(typeof(ListResponse<MetricDto>))]
[JsonSerializable(typeof(CreateRunRequest))]
[JsonSerializable(typeof(UpdateRunRequest))]
[JsonSerializable(typeof(SearchRunsRequest))]
[JsonSerializable(typeof(LogBatchRequest))]
[JsonSerializable(typeof(LogInputsRequest))]
[JsonSerializable(typeof(ListResponse<ArtifactFileDto>))]
[JsonSerializable(typeof(RegisteredModelDto))]
[JsonSerializable(typeof(ListResponse<RegisteredModelDto>))]
[JsonSerializable(typeof(ModelVersionDto))]
[JsonSerializable(typeof(ListResponse<ModelVersionDto>))]
[JsonSerializable(typeof(CreateModelRequest))]
[JsonSerializable(typeof(UpdateDescriptionRequest))]
[JsonSerializable(typeof(RenameModelRequest))]
[JsonSerializable(typeof(CreateModelVersionRequest))]
[JsonSerializable(typeof(TransitionStageRequest))]
[JsonSerializable(typeof(SetAliasRequest))]
[JsonSerializable(typeof(JsonDocument))]
[JsonSerializable(typeof(ModelAuditDto))]
[JsonSerializable(typeof(ListResponse<ModelAuditDto>))]
[JsonSerializable(typeof(TreeHeadDto))]
[JsonSerializable(typeof(LedgerKeyDto))]
[JsonSerializable(typeof(AuditEntriesDto))]
[JsonSerializable(typeof(InclusionProofDto))]
[JsonSerializable(typeof(ConsistencyProofDto))]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(ListResponse<UserDto>))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(UpdateUserRequest))]
[JsonSerializable(typeof(SetPasswordRequest))]
[JsonSerializable(typeof(TokenDto))]
[JsonSerializable(typeof(ListResponse<TokenDto>))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(CreatedTokenDto))]
[JsonSerializable(typeof(DomainDto))]
[JsonSerializable(typeof(ListResponse<DomainDto>))]
[JsonSerializable(typeof(DomainDetailsDto))]
[JsonSerializable(typeof(CreateDomainRequest))]
[JsonSerializable(typeof(SetDomainRequest))]
[JsonSerializable(typeof(MeDto))]
[JsonSerializable(typeof(VersionAuthorsDto))]
internal sealed partial class NativeJsonContext : JsonSerializerContext;
