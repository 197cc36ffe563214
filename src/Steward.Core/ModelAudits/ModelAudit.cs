namespace Steward.ModelAudits;

/// <summary>
/// An audit of a registered model version, kept as evidence for its governance: what was
/// measured, on which data, with which settings, what was found, by whom and when.
/// </summary>
/// <param name="Id">Assigned by the store, increasing.</param>
/// <param name="ModelName">The registered model.</param>
/// <param name="Version">The model version audited.</param>
/// <param name="Kind">What was measured.</param>
/// <param name="DataSource">The data set read (a path, later a catalog entry), with any row filter in <paramref name="SettingsJson"/>.</param>
/// <param name="SettingsJson">The audit's settings as JSON (columns, thresholds, filter), as the request gave them.</param>
/// <param name="ReportJson">The report as JSON, in the documented shape of its kind.</param>
/// <param name="Verdict">The overall finding.</param>
/// <param name="Summary">One line a reviewer reads first.</param>
/// <param name="CreatedBy">The actor who ran it.</param>
/// <param name="CreatedAt">When it was recorded (UTC).</param>
public sealed record ModelAudit(
    long Id,
    string ModelName,
    int Version,
    ModelAuditKind Kind,
    string DataSource,
    string SettingsJson,
    string ReportJson,
    ModelAuditVerdict Verdict,
    string Summary,
    string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>An audit result to be recorded against a model version.</summary>
public sealed record NewModelAudit(
    string ModelName,
    int Version,
    ModelAuditKind Kind,
    string DataSource,
    string SettingsJson,
    string ReportJson,
    ModelAuditVerdict Verdict,
    string Summary);
