namespace Steward.Client;

/// <summary>A data set, identified by name and content digest.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Digest">A short hash of its content.</param>
/// <param name="SourceType">Kind of source, e.g. <c>local</c>, <c>s3</c>, <c>http</c>.</param>
/// <param name="Source">Where it came from (a JSON description or a URI).</param>
/// <param name="Schema">Its schema as JSON, if known.</param>
/// <param name="Profile">Summary statistics as JSON, if known.</param>
public sealed record Dataset(string Name, string Digest, string SourceType, string Source, string? Schema = null, string? Profile = null);
