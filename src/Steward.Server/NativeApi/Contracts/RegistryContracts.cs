namespace Steward.Server.NativeApi.Contracts;

/// <summary>A registered model with its newest version per stage, its aliases (alias → version) and the domain that owns it.</summary>
internal sealed record RegisteredModelDto(
    string Name,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    string UserId,
    string Description,
    IReadOnlyList<ModelVersionDto> LatestVersions,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, int> Aliases,
    string Domain);

/// <summary>A model version; <c>currentStage</c> is None, Staging, Production or Archived.</summary>
internal sealed record ModelVersionDto(
    string Name,
    int Version,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    string UserId,
    string CurrentStage,
    string Description,
    string Source,
    string? RunId,
    string Status,
    string? StatusMessage,
    IReadOnlyDictionary<string, string> Tags,
    string RunLink,
    IReadOnlyList<string> Aliases);

/// <summary>POST body; without <c>domain</c> the model goes to the caller's default domain.</summary>
internal sealed record CreateModelRequest(string? Name, string? Description, IReadOnlyDictionary<string, string>? Tags, string? Domain);

internal sealed record UpdateDescriptionRequest(string? Description);

internal sealed record RenameModelRequest(string? NewName);

internal sealed record CreateModelVersionRequest(
    string? Source,
    string? RunId,
    string? RunLink,
    string? Description,
    IReadOnlyDictionary<string, string>? Tags);

internal sealed record TransitionStageRequest(string? Stage, bool? ArchiveExistingVersions);

internal sealed record SetAliasRequest(int? Version);
