using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Client.Internal;

/// <summary>
/// The server's own source-generated contexts under options that skip unknown fields, so that an
/// older client keeps reading a newer server's answers; everything else is the server's settings.
/// </summary>
internal static class ClientJson
{
    public static NativeJsonContext Native { get; } = new(Lenient(NativeJsonContext.Default.Options));

    public static GovernanceJsonContext Governance { get; } = new(Lenient(GovernanceJsonContext.Default.Options));

    private static JsonSerializerOptions Lenient(JsonSerializerOptions strict) =>
        new(strict) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip, TypeInfoResolver = null };
}
