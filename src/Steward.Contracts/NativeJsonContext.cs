using System.Text.Json;
using System.Text.Json.Serialization;
using Steward.Contracts.Identity;
using Steward.Contracts.Ledger;
using Steward.Contracts.ModelAudits;
using Steward.Contracts.Registry;
using Steward.Contracts.Tracking;

namespace Steward.Contracts;

/// <summary>
/// The native API's types outside governance, source-generated. NaN and ±Infinity travel as the
/// strings "NaN", "Infinity", "-Infinity" because metrics may hold them and plain JSON cannot.
/// Unknown fields are refused, so a misspelt request option is never silently ignored; the SDK
/// reads responses with the same context under options that skip them (a newer server's fields).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ProblemDto))]
[JsonSerializable(typeof(SetTagRequest))]
[JsonSerializable(typeof(SetDomainRequest))]
[JsonSerializable(typeof(Experiment))]
[JsonSerializable(typeof(CreatedExperiment))]
[JsonSerializable(typeof(Page<Experiment>))]
[JsonSerializable(typeof(CreateExperimentRequest))]
[JsonSerializable(typeof(UpdateExperimentRequest))]
[JsonSerializable(typeof(Run))]
[JsonSerializable(typeof(Page<Run>))]
[JsonSerializable(typeof(Page<Metric>))]
[JsonSerializable(typeof(CreateRunRequest))]
[JsonSerializable(typeof(UpdateRunRequest))]
[JsonSerializable(typeof(SearchRunsRequest))]
[JsonSerializable(typeof(LogBatchRequest))]
[JsonSerializable(typeof(LogInputsRequest))]
[JsonSerializable(typeof(RunIdMatches))]
[JsonSerializable(typeof(Page<ArtifactFile>))]
[JsonSerializable(typeof(RegisteredModel))]
[JsonSerializable(typeof(Page<RegisteredModel>))]
[JsonSerializable(typeof(ModelVersion))]
[JsonSerializable(typeof(Page<ModelVersion>))]
[JsonSerializable(typeof(CreateModelRequest))]
[JsonSerializable(typeof(UpdateDescriptionRequest))]
[JsonSerializable(typeof(RenameModelRequest))]
[JsonSerializable(typeof(CreateModelVersionRequest))]
[JsonSerializable(typeof(TransitionStageRequest))]
[JsonSerializable(typeof(SetAliasRequest))]
[JsonSerializable(typeof(JsonDocument))]
[JsonSerializable(typeof(ModelAudit))]
[JsonSerializable(typeof(Page<ModelAudit>))]
[JsonSerializable(typeof(FairnessAuditRequest))]
[JsonSerializable(typeof(DriftAuditRequest))]
[JsonSerializable(typeof(EvaluationAuditRequest))]
[JsonSerializable(typeof(LedgerHead))]
[JsonSerializable(typeof(LedgerKey))]
[JsonSerializable(typeof(LedgerEntryPage))]
[JsonSerializable(typeof(LedgerInclusionProof))]
[JsonSerializable(typeof(LedgerConsistencyProof))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Page<User>))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(UpdateUserRequest))]
[JsonSerializable(typeof(SetPasswordRequest))]
[JsonSerializable(typeof(ApiToken))]
[JsonSerializable(typeof(Page<ApiToken>))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(CreatedToken))]
[JsonSerializable(typeof(Domain))]
[JsonSerializable(typeof(Page<Domain>))]
[JsonSerializable(typeof(DomainDetails))]
[JsonSerializable(typeof(CreateDomainRequest))]
[JsonSerializable(typeof(WhoAmI))]
[JsonSerializable(typeof(VersionAuthors))]
public sealed partial class NativeJsonContext : JsonSerializerContext;
