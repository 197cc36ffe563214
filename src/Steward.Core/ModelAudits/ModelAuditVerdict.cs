namespace Steward.ModelAudits;

/// <summary>An audit's overall finding against its thresholds.</summary>
public enum ModelAuditVerdict
{
    /// <summary>Within every threshold.</summary>
    Passed,

    /// <summary>Over at least one threshold (a disparity below four-fifths, drifted data set, ...).</summary>
    Failed,
}
