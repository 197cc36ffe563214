using System.Text.Json;

namespace Steward.Contracts.ModelAudits;

/// <summary>
/// An audit of a model version. Lists leave out <see cref="Report"/>; fetch the audit by id for
/// it. The report's shape depends on <see cref="Kind"/> and is documented in docs/fairness.md, docs/drift.md and docs/evaluation.md.
/// </summary>
/// <param name="Id">Assigned by the server.</param>
/// <param name="Name">The model.</param>
/// <param name="Version">The version audited.</param>
/// <param name="Kind">What kind of audit it is.</param>
/// <param name="Data">The data it ran on.</param>
/// <param name="Verdict">Its verdict.</param>
/// <param name="Summary">A one-line summary.</param>
/// <param name="CreatedBy">Who ran it.</param>
/// <param name="CreatedTimestamp">When, Unix milliseconds.</param>
/// <param name="Settings">The settings it ran with.</param>
/// <param name="Report">The full report, when fetched by id.</param>
public sealed record ModelAudit(
    long Id,
    string Name,
    int Version,
    string Kind,
    string Data,
    string Verdict,
    string Summary,
    string CreatedBy,
    long CreatedTimestamp,
    JsonElement Settings,
    JsonElement? Report);
