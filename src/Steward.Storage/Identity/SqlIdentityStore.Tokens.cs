using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Storage.Sql;

namespace Steward.Storage.Identity;

/// <summary>API tokens: stored by the SHA-256 of their secret, never the secret.</summary>
internal sealed partial class SqlIdentityStore
{
    private const string TokenColumns = "token_id, user_name, name, description, created_by, created_at, expires_at, revoked_at, revoked_by, last_used_at";

    public Task<ApiToken> CreateTokenAsync(AuditedChange change, NewApiToken token, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            if (await FindUserAsync(session, token.UserName) is null) throw UserNotFound(token.UserName);
            await session.ExecuteAsync(
                """
                INSERT INTO api_tokens (token_id, user_name, name, description, secret_sha256, created_by, created_at, expires_at)
                VALUES (@Id, @UserName, @Name, @Description, @SecretHash, @CreatedBy, @CreatedAt, @ExpiresAt)
                """,
                token);
            return (await FindTokenByIdAsync(session, token.UserName, token.Id))!;
        }, cancellationToken);

    public Task<IReadOnlyList<ApiToken>> ListTokensAsync(string userName, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ApiToken>>(async session =>
            (await session.QueryAsync<TokenRow>($"SELECT {TokenColumns} FROM api_tokens WHERE user_name = @userName ORDER BY created_at DESC, token_id", new { userName }))
                .Select(r => r.ToToken()).ToList(),
            cancellationToken);

    public Task<ApiToken> RevokeTokenAsync(AuditedChange change, string userName, string tokenId, string revokedBy, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            if (await FindTokenByIdAsync(session, userName, tokenId) is null)
            {
                throw StewardException.NotFound($"User '{userName}' has no token with id '{tokenId}'.");
            }

            await session.ExecuteAsync(
                "UPDATE api_tokens SET revoked_at = @now, revoked_by = @revokedBy WHERE token_id = @tokenId AND revoked_at IS NULL",
                new { tokenId, revokedBy, now });
            await SqlCredentialChangeFeed.AnnounceAsync(session, userName);
            return (await FindTokenByIdAsync(session, userName, tokenId))!;
        }, cancellationToken);

    public Task<(ApiToken Token, User User)?> FindTokenAsync(string secretHash, CancellationToken cancellationToken) =>
        database.ReadAsync<(ApiToken, User)?>(async session =>
        {
            var row = await session.FirstOrDefaultAsync<TokenRow>($"SELECT {TokenColumns} FROM api_tokens WHERE secret_sha256 = @secretHash", new { secretHash });
            if (row is null || await LoadUserAsync(session, row.UserName) is not { } user) return null;
            return (row.ToToken(), user);
        }, cancellationToken);

    // Bookkeeping, not an act of the user's: no ledger entry (one per request would drown the log).
    public Task RecordTokenUseAsync(string tokenId, long now, CancellationToken cancellationToken) =>
        database.WriteWithoutEntryAsync(
            session => session.ExecuteAsync("UPDATE api_tokens SET last_used_at = @now WHERE token_id = @tokenId", new { tokenId, now }),
            cancellationToken);

    private static async Task<ApiToken?> FindTokenByIdAsync(SqlSession session, string userName, string tokenId) =>
        (await session.FirstOrDefaultAsync<TokenRow>(
            $"SELECT {TokenColumns} FROM api_tokens WHERE token_id = @tokenId AND user_name = @userName", new { tokenId, userName }))?.ToToken();
}
