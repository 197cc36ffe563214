using Steward.Audit;
using Steward.Errors;

namespace Steward.Identity;

/// <summary>API tokens: created (the secret returned once), listed without secrets, revoked.</summary>
public sealed partial class IdentityService
{
    /// <summary>Creates a token for a user (oneself, or anyone for an admin) and returns it with its secret, the only time the secret is seen.</summary>
    /// <param name="userName">Whose token it is.</param>
    /// <param name="name">What it is for.</param>
    /// <param name="description">Optional free text.</param>
    /// <param name="expires">See <see cref="ApiTokens.ExpiresAt"/>: empty for 90 days, <c>never</c>, <c>30d</c>, a date.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<CreatedApiToken> CreateTokenAsync(string? userName, string? name, string? description, string? expires, CancellationToken cancellationToken)
    {
        UserNames.Check(userName, "user");
        var id = ApiTokens.NewId();
        var resource = AuditResources.Token(userName!, id);
        await access.DemandSelfOrAsync(userName!, Permission.ManageIdentities, AuditActions.TokenCreate, resource, cancellationToken);
        Validation.Required(name, "name");
        Validation.MaxLength(name, MaxTokenNameLength, "name");
        Validation.MaxLength(description, MaxDescriptionLength, "description");
        var expiresAt = ApiTokens.ExpiresAt(expires, clock.GetUtcNow());
        var user = await RequireUserAsync(userName!, cancellationToken);
        if (!user.Enabled) throw StewardException.Invalid($"The user '{userName}' is disabled: enable them before giving them a token.");

        var secret = ApiTokens.NewSecret();
        var token = new NewApiToken(id, user.Name, name!.Trim(), description ?? "", ApiTokens.Hash(secret), actor.Name, Now, expiresAt);
        var change = Change(AuditActions.TokenCreate, resource, new()
        {
            ["user"] = token.UserName,
            ["token_id"] = token.Id,
            ["name"] = token.Name,
            ["description"] = token.Description,
            ["expires_at"] = token.ExpiresAt is { } at ? AuditPayload.Integer(at) : null,
        });
        return new CreatedApiToken(await store.CreateTokenAsync(change, token, cancellationToken), secret);
    }

    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(string? userName, CancellationToken cancellationToken)
    {
        UserNames.Check(userName, "user");
        await access.DemandSelfOrAsync(userName!, Permission.ReadIdentities, "token.list", AuditResources.User(userName!), cancellationToken);
        await RequireUserAsync(userName!, cancellationToken);
        return await store.ListTokensAsync(userName!, cancellationToken);
    }

    /// <summary>
    /// Revokes a token: from this moment requests with it are refused (401) on this server, on
    /// other servers sharing a PostgreSQL database as soon as they hear of it, on any server within
    /// <see cref="CredentialCache.Lifetime"/>.
    /// </summary>
    public async Task<ApiToken> RevokeTokenAsync(string? userName, string? tokenId, CancellationToken cancellationToken)
    {
        UserNames.Check(userName, "user");
        Validation.Required(tokenId, "tokenId");
        var resource = AuditResources.Token(userName!, tokenId!);
        await access.DemandSelfOrAsync(userName!, Permission.ManageIdentities, AuditActions.TokenRevoke, resource, cancellationToken);
        try
        {
            var change = Change(AuditActions.TokenRevoke, resource, new() { ["user"] = userName, ["token_id"] = tokenId });
            return await store.RevokeTokenAsync(change, userName!, tokenId!, actor.Name, Now, cancellationToken);
        }
        finally
        {
            credentials.ForgetUser(userName!);
        }
    }
}
