using System.Text.Json.Nodes;
using Steward.Audit;

namespace Steward.Identity;

/// <summary>The ledger side of identities: each change's entry and payload. Secrets and passwords are never part of a payload.</summary>
public sealed partial class IdentityService
{
    private AuditedChange Change(string action, string resource, JsonObject payload) =>
        AuditedChange.Of(actor, action, resource, payload);

    private static JsonObject UserPayload(string name, string? displayName, string? email, IReadOnlyList<Role>? roles, IReadOnlyList<string>? domains, bool? enabled) => new()
    {
        ["name"] = name,
        ["display_name"] = displayName,
        ["email"] = email,
        ["roles"] = roles is null ? null : new JsonArray([.. roles.Select(r => (JsonNode?)JsonValue.Create(Roles.Name(r)))]),
        ["domains"] = domains is null ? null : new JsonArray([.. domains.Select(d => (JsonNode?)JsonValue.Create(d))]),
        ["enabled"] = enabled,
    };
}
