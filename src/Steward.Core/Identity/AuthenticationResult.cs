namespace Steward.Identity;

/// <summary>
/// What checking a request's credentials found: the principal, or why they were refused and
/// whose they were when the credentials did prove an identity (an expired or revoked token, a
/// disabled user) — the actor a denial entry records.
/// </summary>
public sealed record AuthenticationResult(Principal? Principal, string? KnownUser, string? Failure)
{
    public bool Succeeded => Principal is not null;

    public static AuthenticationResult Ok(Principal principal) => new(principal, principal.Name, null);

    public static AuthenticationResult Refused(string? knownUser, string failure) => new(null, knownUser, failure);
}
