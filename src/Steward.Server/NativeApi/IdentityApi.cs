using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Steward.Audit;
using Steward.Contracts;
using Steward.Identity;

namespace Steward.Server.NativeApi;

/// <summary>
/// <c>/api/v1/me</c>, <c>/api/v1/users</c> (with <c>/password</c> and <c>/tokens</c>) and
/// <c>/api/v1/domains</c>. Token secrets appear once, in the answer to their creation.
/// </summary>
internal static class IdentityApi
{
    private static NativeJsonContext Json => NativeJsonContext.Default;

    public static void MapIdentityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", MeAsync);

        var users = api.MapGroup("/users");
        users.MapGet("", ListUsersAsync);
        users.MapPost("", CreateUserAsync).Requires(Permission.ManageIdentities, AuditActions.UserCreate);
        users.MapGet("/{name}", GetUserAsync);
        users.MapPatch("/{name}", UpdateUserAsync).Requires(Permission.ManageIdentities, AuditActions.UserUpdate);
        users.MapPut("/{name}/password", SetPasswordAsync);
        users.MapGet("/{name}/tokens", ListTokensAsync);
        users.MapPost("/{name}/tokens", CreateTokenAsync);
        users.MapDelete("/{name}/tokens/{id}", RevokeTokenAsync);

        var domains = api.MapGroup("/domains");
        domains.MapGet("", ListDomainsAsync);
        domains.MapPost("", CreateDomainAsync).Requires(Permission.ManageIdentities, AuditActions.DomainCreate);
        domains.MapGet("/{name}", GetDomainAsync);
    }

    private static async Task<JsonHttpResult<MeDto>> MeAsync(IdentityService identities, CancellationToken cancellationToken)
    {
        var (principal, user) = await identities.WhoAmIAsync(cancellationToken);
        return ApiResults.Ok(principal.ToDto(user), Json.WhoAmI);
    }

    private static async Task<JsonHttpResult<Page<UserDto>>> ListUsersAsync(IdentityService identities, CancellationToken cancellationToken)
    {
        var users = await identities.ListUsersAsync(cancellationToken);
        return ApiResults.Ok(new Page<UserDto>(users.Select(u => u.ToDto()).ToList(), null), Json.PageUser);
    }

    private static async Task<CreatedJson<UserDto>> CreateUserAsync(IdentityService identities, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.CreateUserRequest, cancellationToken);
        var user = await identities.CreateUserAsync(body.Name, body.DisplayName, body.Email, body.Roles, body.Domains, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/users/{Uri.EscapeDataString(user.Name)}", user.ToDto(), Json.User);
    }

    private static async Task<JsonHttpResult<UserDto>> GetUserAsync(IdentityService identities, string name, CancellationToken cancellationToken) =>
        ApiResults.Ok((await identities.GetUserAsync(name, cancellationToken)).ToDto(), Json.User);

    private static async Task<JsonHttpResult<UserDto>> UpdateUserAsync(IdentityService identities, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.UpdateUserRequest, cancellationToken);
        var user = await identities.UpdateUserAsync(name, body.DisplayName, body.Email, body.Roles, body.Domains, body.Enabled, cancellationToken);
        return ApiResults.Ok(user.ToDto(), Json.User);
    }

    private static async Task<NoContent> SetPasswordAsync(IdentityService identities, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.SetPasswordRequest, cancellationToken);
        await identities.SetPasswordAsync(name, Requests.Required(body.Password, "password"), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<JsonHttpResult<Page<TokenDto>>> ListTokensAsync(IdentityService identities, TimeProvider clock, string name, CancellationToken cancellationToken)
    {
        var tokens = await identities.ListTokensAsync(name, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return ApiResults.Ok(new Page<TokenDto>(tokens.Select(t => t.ToDto(now)).ToList(), null), Json.PageApiToken);
    }

    private static async Task<CreatedJson<CreatedTokenDto>> CreateTokenAsync(IdentityService identities, TimeProvider clock, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.CreateTokenRequest, cancellationToken);
        var created = await identities.CreateTokenAsync(name, body.Name, body.Description, body.Expires, cancellationToken);
        var dto = new CreatedTokenDto(created.Token.ToDto(clock.GetUtcNow().ToUnixTimeMilliseconds()), created.Secret);
        return ApiResults.Created($"{NativeApi.Prefix}/users/{Uri.EscapeDataString(created.Token.UserName)}/tokens/{created.Token.Id}", dto, Json.CreatedToken);
    }

    private static async Task<JsonHttpResult<TokenDto>> RevokeTokenAsync(IdentityService identities, TimeProvider clock, string name, string id, CancellationToken cancellationToken)
    {
        var token = await identities.RevokeTokenAsync(name, id, cancellationToken);
        return ApiResults.Ok(token.ToDto(clock.GetUtcNow().ToUnixTimeMilliseconds()), Json.ApiToken);
    }

    private static async Task<JsonHttpResult<Page<DomainDto>>> ListDomainsAsync(IdentityService identities, CancellationToken cancellationToken)
    {
        var domains = await identities.ListDomainsAsync(cancellationToken);
        return ApiResults.Ok(new Page<DomainDto>(domains.Select(d => d.ToDto()).ToList(), null), Json.PageDomain);
    }

    private static async Task<CreatedJson<DomainDto>> CreateDomainAsync(IdentityService identities, HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await Requests.ReadAsync(request, Json.CreateDomainRequest, cancellationToken);
        var domain = await identities.CreateDomainAsync(body.Name, body.Description, cancellationToken);
        return ApiResults.Created($"{NativeApi.Prefix}/domains/{domain.Name}", domain.ToDto(), Json.Domain);
    }

    private static async Task<JsonHttpResult<DomainDetailsDto>> GetDomainAsync(IdentityService identities, string name, CancellationToken cancellationToken) =>
        ApiResults.Ok((await identities.GetDomainAsync(name, cancellationToken)).ToDto(), Json.DomainDetails);
}
