namespace Steward.Contracts.Registry;

/// <summary>POST body of <c>/api/v1/models</c>; without <c>domain</c> the model goes to the caller's default domain.</summary>
/// <param name="Name">A unique name.</param>
/// <param name="Description">Free text.</param>
/// <param name="Tags">Initial tags.</param>
/// <param name="Domain">The domain that owns it.</param>
public sealed record CreateModelRequest(string? Name, string? Description, IReadOnlyDictionary<string, string>? Tags, string? Domain);

/// <summary>PATCH body that replaces a model's or a version's description.</summary>
/// <param name="Description">The new description.</param>
public sealed record UpdateDescriptionRequest(string? Description);

/// <summary>Body of renaming a registered model.</summary>
/// <param name="NewName">The new unique name.</param>
public sealed record RenameModelRequest(string? NewName);

/// <summary>POST body of a model's <c>versions</c>.</summary>
/// <param name="Source">Where the version's files are.</param>
/// <param name="RunId">The run that produced it.</param>
/// <param name="RunLink">A link to that run.</param>
/// <param name="Description">Free text.</param>
/// <param name="Tags">Initial tags.</param>
public sealed record CreateModelVersionRequest(
    string? Source,
    string? RunId,
    string? RunLink,
    string? Description,
    IReadOnlyDictionary<string, string>? Tags);

/// <summary>Moves a version to a stage.</summary>
/// <param name="Stage">None, Staging, Production or Archived (see <see cref="ModelStage"/>).</param>
/// <param name="ArchiveExistingVersions">Archive the versions now in that stage.</param>
public sealed record TransitionStageRequest(string? Stage, bool? ArchiveExistingVersions);

/// <summary>Points an alias at a version.</summary>
/// <param name="Version">The version number.</param>
public sealed record SetAliasRequest(int? Version);
