using Steward.Client.Internal;

namespace Steward.Client;

public sealed partial class StewardClient
{
    /// <summary>Who the server takes the caller for: name, roles, domains, permissions.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The caller.</returns>
    public Task<WhoAmI> GetMeAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Api + "me", Json.WhoAmI, cancellationToken);

    /// <summary>Every user (needs the read-identities permission).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The users, by name.</returns>
    public async Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(Api + "users", Json.PageUser, cancellationToken)).Items;

    /// <summary>Creates a user (an admin's action).</summary>
    /// <param name="name">Unique user name.</param>
    /// <param name="roles">At least one role, e.g. <c>data-scientist</c>.</param>
    /// <param name="domains">Where they may write; the first is their default.</param>
    /// <param name="displayName">How people call them; the name when null.</param>
    /// <param name="email">Contact address.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user as stored.</returns>
    public Task<User> CreateUserAsync(string name, IReadOnlyList<string> roles, IReadOnlyList<string>? domains = null, string? displayName = null, string? email = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Api + "users", new CreateUserRequest(name, displayName, email, roles, domains), Json.CreateUserRequest, Json.User, cancellationToken);

    /// <summary>Reads a user (oneself, or anyone with the read-identities permission).</summary>
    /// <param name="name">The user's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user.</returns>
    public Task<User> GetUserAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync($"{Api}users/{Segment(name)}", Json.User, cancellationToken);

    /// <summary>Changes a user's profile, roles, domains or enabled state (an admin's action).</summary>
    /// <param name="name">The user's name.</param>
    /// <param name="update">What to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user as it stands.</returns>
    public Task<User> UpdateUserAsync(string name, UpdateUserRequest update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return SendJsonAsync(HttpMethod.Patch, $"{Api}users/{Segment(name)}", update, Json.UpdateUserRequest, Json.User, cancellationToken);
    }

    /// <summary>Sets a user's password (one's own, or anyone's for an admin); HTTP Basic and MLflow's username/password then work.</summary>
    /// <param name="name">The user's name.</param>
    /// <param name="password">At least 12 characters.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the password is set.</returns>
    public Task SetPasswordAsync(string name, string password, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, $"{Api}users/{Segment(name)}/password", new SetPasswordRequest(password), Json.SetPasswordRequest, cancellationToken);

    /// <summary>Creates an API token for a user (oneself, or anyone for an admin).</summary>
    /// <param name="user">Whose token it is.</param>
    /// <param name="name">What it is for.</param>
    /// <param name="expires">Null for 90 days, <c>never</c>, a duration such as <c>30d</c> or <c>12h</c>, or a date such as <c>2027-01-31</c>.</param>
    /// <param name="description">Free text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The token with its secret, which the server never shows again.</returns>
    public Task<CreatedToken> CreateTokenAsync(string user, string name, string? expires = null, string? description = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, $"{Api}users/{Segment(user)}/tokens", new CreateTokenRequest(name, description, expires), Json.CreateTokenRequest, Json.CreatedToken, cancellationToken);

    /// <summary>A user's tokens, newest first, without secrets.</summary>
    /// <param name="user">Whose tokens.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tokens, revoked and expired ones included.</returns>
    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(string user, CancellationToken cancellationToken = default) =>
        (await GetAsync($"{Api}users/{Segment(user)}/tokens", Json.PageApiToken, cancellationToken)).Items;

    /// <summary>Revokes a token: requests with it are refused from now on.</summary>
    /// <param name="user">Whose token it is.</param>
    /// <param name="tokenId">The token's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The token, revoked.</returns>
    public async Task<ApiToken> RevokeTokenAsync(string user, string tokenId, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Delete, $"{Api}users/{Segment(user)}/tokens/{Segment(tokenId)}");
        using var response = await SendAsync(request, cancellationToken);
        return await ReadAsync(response, Json.ApiToken, cancellationToken);
    }

    /// <summary>Every domain.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The domains, by name.</returns>
    public async Task<IReadOnlyList<Domain>> ListDomainsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(Api + "domains", Json.PageDomain, cancellationToken)).Items;

    /// <summary>Creates a domain (an admin's action).</summary>
    /// <param name="name">Lower-case letters, digits, <c>-</c> and <c>_</c>.</param>
    /// <param name="description">What it is.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The domain.</returns>
    public Task<Domain> CreateDomainAsync(string name, string? description = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Api + "domains", new CreateDomainRequest(name, description), Json.CreateDomainRequest, Json.Domain, cancellationToken);

    /// <summary>A domain with its members and how much it owns.</summary>
    /// <param name="name">The domain's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The domain.</returns>
    public Task<DomainDetails> GetDomainAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync($"{Api}domains/{Segment(name)}", Json.DomainDetails, cancellationToken);

    /// <summary>Moves an experiment, with its runs, to another domain (an admin's action).</summary>
    /// <param name="experimentId">The experiment's id.</param>
    /// <param name="domain">The domain to move it to.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The experiment as it stands.</returns>
    public Task<Experiment> SetExperimentDomainAsync(string experimentId, string domain, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, $"{Api}experiments/{Segment(experimentId)}/domain", new SetDomainRequest(domain), Json.SetDomainRequest, Json.Experiment, cancellationToken);

    /// <summary>Moves a registered model, with its versions, to another domain (an admin's action).</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="domain">The domain to move it to.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model as it stands.</returns>
    public Task<RegisteredModel> SetModelDomainAsync(string name, string domain, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, $"{Api}models/{Segment(name)}/domain", new SetDomainRequest(domain), Json.SetDomainRequest, Json.RegisteredModel, cancellationToken);

    /// <summary>Who authored a model version: the creators of version, model and run, and every actor who changed the version.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The authors.</returns>
    public Task<VersionAuthors> GetVersionAuthorsAsync(string name, int version, CancellationToken cancellationToken = default) =>
        GetAsync($"{Api}models/{Segment(name)}/versions/{version}/authors", Json.VersionAuthors, cancellationToken);
}
