namespace Steward.Contracts;

/// <summary>PUT body of every <c>.../tags/{key}</c> route.</summary>
/// <param name="Value">The tag's value.</param>
public sealed record SetTagRequest(string? Value);

/// <summary>Body of <c>PUT .../domain</c>: move an experiment or a model to another domain.</summary>
/// <param name="Domain">The domain to move it to.</param>
public sealed record SetDomainRequest(string? Domain);
