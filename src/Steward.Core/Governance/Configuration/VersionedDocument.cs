using System.Security.Cryptography;
using System.Text;

namespace Steward.Governance.Configuration;

/// <summary>
/// One stored version of a governance configuration file (the scorecard configuration, a
/// checklist template): its exact text, the text's SHA-256, who stored it and when. Version 0
/// is the file shipped with Steward, in force until a first version is stored.
/// </summary>
/// <param name="Kind">What the file configures: <see cref="DocumentKinds"/>.</param>
/// <param name="Name">Which one of its kind, e.g. <c>gdpr</c>; <c>default</c> for the scorecard.</param>
/// <param name="Version">0 for the shipped file, then 1, 2, ... as changes are stored.</param>
/// <param name="Content">The file's text as given.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the UTF-8 content.</param>
/// <param name="CreatedBy">Who stored it; <c>steward</c> for a shipped file.</param>
/// <param name="CreatedAt">When it was stored; null for a shipped file.</param>
public sealed record VersionedDocument(string Kind, string Name, int Version, string Content, string Sha256, string CreatedBy, DateTimeOffset? CreatedAt)
{
    /// <summary>The name recorded as the author of the files shipped with Steward.</summary>
    public const string ShippedBy = "steward";

    /// <summary>A shipped file as version 0.</summary>
    public static VersionedDocument Shipped(string kind, string name, string content) =>
        new(kind, name, 0, content, HashOf(content), ShippedBy, null);

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="content"/>.</summary>
    public static string HashOf(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}

/// <summary>The kinds of versioned governance files.</summary>
public static class DocumentKinds
{
    public const string ScorecardConfig = "scorecard_config";
    public const string ChecklistTemplate = "checklist_template";
    public const string LifecyclePolicy = "lifecycle_policy";
}
