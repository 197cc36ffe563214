using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;

namespace Steward.Identity;

/// <summary>
/// The first administrator of a server that requires credentials: when no enabled admin user
/// exists, creates user <c>admin</c> (or re-enables it as an admin) with a token, as actor
/// <c>bootstrap</c>, each step a ledger entry that never holds the token. The caller shows the
/// token once.
/// </summary>
public sealed class AdminBootstrap(IIdentityStore store, TimeProvider clock)
{
    private static readonly ICurrentActor Actor = new BootstrapActor();

    /// <summary>Creates the first admin and its token, or returns null when an enabled admin exists (or another server just made one).</summary>
    public async Task<CreatedApiToken?> RunAsync(CancellationToken cancellationToken)
    {
        if (await store.HasEnabledAdminAsync(cancellationToken)) return null;
        var now = clock.GetUtcNow();
        var name = UserNames.FirstAdmin;
        var resource = AuditResources.User(name);
        try
        {
            if (await store.GetUserAsync(name, cancellationToken) is { } existing)
            {
                var roles = existing.Roles.Contains(Role.Admin) ? existing.Roles : [.. existing.Roles, Role.Admin];
                var change = AuditedChange.Of(Actor, AuditActions.UserUpdate, resource, new JsonObject
                {
                    ["name"] = name, ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode?)JsonValue.Create(Roles.Name(r)))]), ["enabled"] = true,
                });
                await store.UpdateUserAsync(change, name, new UserUpdate(null, null, roles, null, true, now.ToUnixTimeMilliseconds()), cancellationToken);
            }
            else
            {
                var change = AuditedChange.Of(Actor, AuditActions.UserCreate, resource, new JsonObject
                {
                    ["name"] = name, ["display_name"] = "Administrator", ["roles"] = new JsonArray("admin"), ["domains"] = new JsonArray(DomainNames.Default), ["enabled"] = true,
                });
                await store.CreateUserAsync(change, new NewUser(name, "Administrator", null, [Role.Admin], [DomainNames.Default], UserNames.Bootstrap, now.ToUnixTimeMilliseconds()), cancellationToken);
            }
        }
        catch (StewardException e) when (e.Code == ErrorCode.ResourceAlreadyExists)
        {
            // Another server on the same database bootstrapped first; its start-up shows the token.
            return null;
        }

        var secret = ApiTokens.NewSecret();
        var token = new NewApiToken(ApiTokens.NewId(), name, "bootstrap", "Created at first start; revoke it once you have your own token.",
            ApiTokens.Hash(secret), UserNames.Bootstrap, now.ToUnixTimeMilliseconds(), ApiTokens.ExpiresAt(null, now));
        var tokenChange = AuditedChange.Of(Actor, AuditActions.TokenCreate, AuditResources.Token(name, token.Id), new JsonObject
        {
            ["user"] = name, ["token_id"] = token.Id, ["name"] = token.Name, ["description"] = token.Description, ["expires_at"] = AuditPayload.Integer(token.ExpiresAt!.Value),
        });
        return new CreatedApiToken(await store.CreateTokenAsync(tokenChange, token, cancellationToken), secret);
    }

    private sealed class BootstrapActor : ICurrentActor
    {
        public string Name => UserNames.Bootstrap;
    }
}
