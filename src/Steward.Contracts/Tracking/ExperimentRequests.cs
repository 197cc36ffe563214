namespace Steward.Contracts.Tracking;

/// <summary>POST body of <c>/api/v1/experiments</c>; without <c>domain</c> the experiment goes to the caller's default domain.</summary>
/// <param name="Name">A unique name.</param>
/// <param name="ArtifactLocation">Where its runs store artifacts; the server's artifact store when absent.</param>
/// <param name="Tags">Initial tags.</param>
/// <param name="Domain">The domain that owns it.</param>
public sealed record CreateExperimentRequest(string? Name, string? ArtifactLocation, IReadOnlyDictionary<string, string>? Tags, string? Domain);

/// <summary>PATCH body: the only mutable attribute of an experiment is its name.</summary>
/// <param name="Name">The new unique name.</param>
public sealed record UpdateExperimentRequest(string? Name);
