namespace Steward.Client.Internal;

// Request bodies exactly as the native API reads them; absent (null) fields are not sent.

internal sealed record CreateExperimentBody(string Name, string? ArtifactLocation, IReadOnlyDictionary<string, string>? Tags, string? Domain);

internal sealed record RenameExperimentBody(string Name);

internal sealed record TagValueBody(string Value);

internal sealed record CreateRunBody(string? ExperimentId, string? RunName, long? StartTime, IReadOnlyDictionary<string, string>? Tags);

internal sealed record UpdateRunBody(RunStatus? Status, long? EndTime, string? RunName);

internal sealed record SearchRunsBody(IReadOnlyList<string> ExperimentIds, string? Filter, IReadOnlyList<string>? OrderBy, int? MaxResults, string? PageToken, ViewType View);

internal sealed record LogBatchBody(IReadOnlyList<Metric>? Metrics, IReadOnlyDictionary<string, string>? Params, IReadOnlyDictionary<string, string>? Tags);

internal sealed record LogInputsBody(IReadOnlyList<DatasetInput> Datasets);

internal sealed record CreateModelBody(string Name, string? Description, IReadOnlyDictionary<string, string>? Tags, string? Domain);

internal sealed record SetDomainBody(string Domain);

internal sealed record CreateUserBody(string Name, string? DisplayName, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string>? Domains);

internal sealed record UpdateUserBody(string? DisplayName, string? Email, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Domains, bool? Enabled);

internal sealed record PasswordBody(string Password);

internal sealed record CreateTokenBody(string Name, string? Description, string? Expires);

internal sealed record CreateDomainBody(string Name, string? Description);

internal sealed record DescriptionBody(string Description);

internal sealed record RenameModelBody(string NewName);

internal sealed record CreateModelVersionBody(string Source, string? RunId, string? RunLink, string? Description, IReadOnlyDictionary<string, string>? Tags);

internal sealed record TransitionStageBody(ModelStage Stage, bool ArchiveExistingVersions);

internal sealed record SetAliasBody(int Version);

/// <summary>RFC 7807 problem details as the native API writes them.</summary>
internal sealed record ProblemBody(string? Type, string? Title, int? Status, string? Detail, string? ErrorCode);
