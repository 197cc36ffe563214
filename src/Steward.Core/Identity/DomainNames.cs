using System.Text.RegularExpressions;
using Steward.Errors;

namespace Steward.Identity;

/// <summary>Domain names: lower-case letters, digits, <c>-</c> and <c>_</c>, starting with a letter or digit, at most 63 characters.</summary>
public static partial class DomainNames
{
    /// <summary>The domain the migration creates: what existed before domains, and what the local admin creates.</summary>
    public const string Default = "default";

    /// <summary>The experiment and registered-model tag an MLflow client sets on create to choose the domain.</summary>
    public const string Tag = "steward.domain";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex Pattern();

    /// <summary>Checks a domain name, naming the field when it is malformed.</summary>
    public static string Check(string? name, string field)
    {
        Validation.Required(name, field);
        if (!Pattern().IsMatch(name!))
        {
            throw StewardException.Invalid($"Invalid domain name '{name}' in '{field}': use lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 63 characters.");
        }

        return name!;
    }
}
