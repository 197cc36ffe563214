using System.Text.RegularExpressions;
using Steward.Errors;

namespace Steward.Identity;

/// <summary>
/// User names: letters, digits, <c>. _ @ -</c>, starting with a letter or digit, at most 64
/// characters. The names the ledger uses for actors that are not users are reserved.
/// </summary>
public static partial class UserNames
{
    /// <summary>The ledger's actor for a request whose credentials prove no identity.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The ledger's actor for what the server does on its own at start (creating the first admin).</summary>
    public const string Bootstrap = "bootstrap";

    /// <summary>The ledger's actor for what a server does on its own while running (creating the web UI's cookie keys).</summary>
    public const string Server = "steward-server";

    /// <summary>The user a server that requires credentials creates when it has no administrator.</summary>
    public const string FirstAdmin = "admin";

    private static readonly string[] Reserved = [Principal.LocalAdminName, Anonymous, Bootstrap, Server];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex Pattern();

    /// <summary>Checks the name of a user to create.</summary>
    public static string CheckNew(string? name, string field = "name")
    {
        Check(name, field);
        if (Reserved.Contains(name!, StringComparer.OrdinalIgnoreCase))
        {
            throw StewardException.Invalid($"The user name '{name}' is reserved: the ledger uses it for {(name!.Equals(Anonymous, StringComparison.OrdinalIgnoreCase) ? "unauthenticated requests" : "an actor that is not a user")}.");
        }

        return name!;
    }

    /// <summary>Checks the name of an existing user as a request names it.</summary>
    public static string Check(string? name, string field = "name")
    {
        Validation.Required(name, field);
        if (!Pattern().IsMatch(name!))
        {
            throw StewardException.Invalid($"Invalid user name '{name}' in '{field}': use letters, digits, '.', '_', '@' and '-', starting with a letter or digit, at most 64 characters.");
        }

        return name!;
    }
}
