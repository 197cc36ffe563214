namespace Steward.Governance;

/// <summary>Every size limit of the governance records, in one place.</summary>
public static class GovernanceLimits
{
    /// <summary>Short texts: owner, domain, target, a factor value.</summary>
    public const int MaxShortText = 250;

    /// <summary>Descriptions: purpose, intended use, who is affected, review notes, answer notes.</summary>
    public const int MaxLongText = 10_000;

    /// <summary>The people-written text of one model card section.</summary>
    public const int MaxCardSectionText = 50_000;

    /// <summary>A scorecard configuration or checklist template file.</summary>
    public const int MaxConfigurationLength = 256 * 1024;

    /// <summary>Evidence links on one checklist answer.</summary>
    public const int MaxEvidenceLinks = 50;

    /// <summary>Length of one evidence reference (URL, run id, artifact path, audit id).</summary>
    public const int MaxEvidenceReference = 2000;

    /// <summary>Records per page of <c>GET /api/v1/governance/models</c> and the review schedule.</summary>
    public const int DefaultListResults = 100;

    public const int MaxListResults = 1000;
}
