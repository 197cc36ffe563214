using System.Net;

namespace Steward.Server.Identity;

/// <summary>
/// Whether requests need credentials. A server bound to a loopback address serves only its own
/// machine: a request with no credentials there acts as the local admin, unless the server was
/// told to require tokens (as tests and the web UI need). Bound to any other address, every
/// request except <c>/health</c> must authenticate.
/// </summary>
internal sealed record AuthenticationPolicy(bool CredentialsRequired)
{
    /// <summary>The policy for a server listening on <paramref name="host"/>.</summary>
    public static AuthenticationPolicy For(string host, bool requireTokens) => new(requireTokens || !IsLoopback(host));

    /// <summary>
    /// True for <c>localhost</c> and loopback addresses (<c>127.0.0.0/8</c>, <c>::1</c>). Anything
    /// else — another address, a wildcard, a host name Kestrel binds on every interface — is not.
    /// </summary>
    public static bool IsLoopback(string host)
    {
        var name = host.Trim();
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        if (name.StartsWith('[') && name.EndsWith(']')) name = name[1..^1];
        return IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>What the server says at start about credentials.</summary>
    public string Describe() => CredentialsRequired
        ? "credentials required: every request except /health needs a token (Authorization: Bearer) or a user name and password (HTTP Basic)"
        : "no credentials required: requests without a token act as local-admin (loopback only)";
}
