using System.Text.Json;
using Steward.ModelAudits;

namespace Steward.Web.Audits;

/// <summary>
/// Runs a fairness, drift or evaluation audit of a model version against files in the server's
/// data-set folder and keeps its report as evidence — exactly what
/// <c>POST /api/v1/models/{name}/versions/{v}/audits</c> does. The host supplies it.
/// </summary>
public interface IAuditLauncher
{
    /// <summary>The CSV and Parquet files in the data-set folder, as paths relative to it, sorted.</summary>
    IReadOnlyList<string> DataSets();

    /// <summary>
    /// Runs the audit <paramref name="settings"/> describes (the API's request body: <c>kind</c>
    /// and that kind's settings) under the signed-in principal, and records it.
    /// </summary>
    /// <remarks>Bad settings, unreadable data or a refused permission are <see cref="Errors.StewardException"/>s naming the problem.</remarks>
    Task<ModelAudit> RunAsync(string modelName, string version, JsonElement settings, CancellationToken cancellationToken);
}
