using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Client.Internal;

/// <summary>
/// The native API's JSON contract, source-generated: camelCase, NaN/±Infinity as named literals
/// (metrics may hold them), nulls omitted. Unknown response fields are ignored so that an older
/// client keeps working against a newer server.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Experiment))]
[JsonSerializable(typeof(Page<Experiment>))]
[JsonSerializable(typeof(Run))]
[JsonSerializable(typeof(Page<Run>))]
[JsonSerializable(typeof(Page<Metric>))]
[JsonSerializable(typeof(Page<ArtifactFile>))]
[JsonSerializable(typeof(RegisteredModel))]
[JsonSerializable(typeof(Page<RegisteredModel>))]
[JsonSerializable(typeof(ModelVersion))]
[JsonSerializable(typeof(Page<ModelVersion>))]
[JsonSerializable(typeof(CreateExperimentBody))]
[JsonSerializable(typeof(RenameExperimentBody))]
[JsonSerializable(typeof(TagValueBody))]
[JsonSerializable(typeof(CreateRunBody))]
[JsonSerializable(typeof(UpdateRunBody))]
[JsonSerializable(typeof(SearchRunsBody))]
[JsonSerializable(typeof(LogBatchBody))]
[JsonSerializable(typeof(LogInputsBody))]
[JsonSerializable(typeof(CreateModelBody))]
[JsonSerializable(typeof(DescriptionBody))]
[JsonSerializable(typeof(RenameModelBody))]
[JsonSerializable(typeof(CreateModelVersionBody))]
[JsonSerializable(typeof(TransitionStageBody))]
[JsonSerializable(typeof(SetAliasBody))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(LedgerHead))]
[JsonSerializable(typeof(LedgerKey))]
[JsonSerializable(typeof(LedgerConsistencyProof))]
[JsonSerializable(typeof(LedgerEntryPage))]
[JsonSerializable(typeof(SetDomainBody))]
[JsonSerializable(typeof(CreateUserBody))]
[JsonSerializable(typeof(UpdateUserBody))]
[JsonSerializable(typeof(PasswordBody))]
[JsonSerializable(typeof(CreateTokenBody))]
[JsonSerializable(typeof(CreateDomainBody))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Page<User>))]
[JsonSerializable(typeof(ApiToken))]
[JsonSerializable(typeof(Page<ApiToken>))]
[JsonSerializable(typeof(CreatedToken))]
[JsonSerializable(typeof(Domain))]
[JsonSerializable(typeof(Page<Domain>))]
[JsonSerializable(typeof(DomainDetails))]
[JsonSerializable(typeof(WhoAmI))]
[JsonSerializable(typeof(VersionAuthors))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
