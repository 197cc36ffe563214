namespace Steward.Contracts.Identity;

/// <summary>POST body of <c>/api/v1/users</c>.</summary>
/// <param name="Name">Unique; what the ledger records as the actor.</param>
/// <param name="DisplayName">How people call them.</param>
/// <param name="Email">Contact address.</param>
/// <param name="Roles">Their roles.</param>
/// <param name="Domains">Their domains; the first is the default.</param>
public sealed record CreateUserRequest(string? Name, string? DisplayName, string? Email, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Domains);

/// <summary>PATCH body of a user: absent (null) fields stay as they are.</summary>
public sealed record UpdateUserRequest
{
    /// <summary>New display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>New email; empty clears it.</summary>
    public string? Email { get; init; }

    /// <summary>The roles, replacing the current ones.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The domains, replacing the current ones (order matters: the first is the default).</summary>
    public IReadOnlyList<string>? Domains { get; init; }

    /// <summary>Enable or disable the user.</summary>
    public bool? Enabled { get; init; }
}

/// <summary>Sets a user's password.</summary>
/// <param name="Password">The new password.</param>
public sealed record SetPasswordRequest(string? Password);

/// <summary>POST body of a user's <c>tokens</c>.</summary>
/// <param name="Name">What it is for.</param>
/// <param name="Description">Free text.</param>
/// <param name="Expires">Empty for 90 days, <c>never</c>, a duration (<c>30d</c>, <c>12h</c>) or an ISO 8601 date.</param>
public sealed record CreateTokenRequest(string? Name, string? Description, string? Expires);

/// <summary>POST body of <c>/api/v1/domains</c>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is.</param>
public sealed record CreateDomainRequest(string? Name, string? Description);
