namespace Steward.Governance.Records;

/// <summary>Where a model stands in the risk registry.</summary>
public enum GovernanceStatus
{
    /// <summary>Being documented; not yet relied on.</summary>
    Draft,

    /// <summary>In use and under periodic review.</summary>
    Active,

    /// <summary>Use halted pending remediation; still reviewed.</summary>
    Suspended,

    /// <summary>No longer in use; off the review schedule.</summary>
    Retired,
}

/// <summary>How a periodic review ended.</summary>
public enum ReviewOutcome
{
    /// <summary>Fit for continued use.</summary>
    Satisfactory,

    /// <summary>Usable, with findings to remediate.</summary>
    NeedsRemediation,

    /// <summary>Not fit for use as it stands.</summary>
    Unsatisfactory,
}

/// <summary>The snake_case names the APIs use for governance enums.</summary>
public static class GovernanceNames
{
    public static string Name(GovernanceStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.NeedsRemediation => "needs_remediation",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static GovernanceStatus ParseStatus(string? value, string field) => Parse<GovernanceStatus>(value, field, Name);

    public static ReviewOutcome ParseOutcome(string? value, string field) => Parse<ReviewOutcome>(value, field, Name);

    private static T Parse<T>(string? value, string field, Func<T, string> name)
        where T : struct, Enum
    {
        var wanted = value?.Trim().ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (name(candidate) == wanted) return candidate;
        }

        throw Errors.StewardException.Invalid($"Invalid value '{value}' for '{field}': expected one of {string.Join(", ", Enum.GetValues<T>().Select(name))}.");
    }
}
