using System.Text.Json;

namespace Steward.Server.NativeApi.Contracts;

/// <summary>
/// An audit of a model version. Lists leave out <c>report</c>; fetch the audit by id for it. The
/// report's shape depends on <c>kind</c> and is documented in the README ("Audits").
/// </summary>
internal sealed record ModelAuditDto(
    long Id,
    string Name,
    int Version,
    string Kind,
    string Data,
    string Verdict,
    string Summary,
    string CreatedBy,
    long CreatedTimestamp,
    JsonElement Settings,
    JsonElement? Report);
