using System.Text.Json;
using Steward.Errors;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Web.Audits;

namespace Steward.Server.ModelAudits;

/// <summary>
/// Runs an audit of a model version from its settings, for the API and the UI alike: checks the
/// caller may, runs the kind's runner on the data-set folder off the request thread, and records
/// the report with its ledger entry.
/// </summary>
internal sealed class ModelAuditLauncher(
    RegistryService registry, ModelAuditService audits, IEnumerable<IModelAuditRunner> runners, DataSetFolder dataSets) : IAuditLauncher
{
    /// <summary>At most this many files are offered: a folder holding more is named by path through the API.</summary>
    private const int MaxListed = 500;

    private static readonly string[] Extensions = [".csv", ".parquet"];

    public IReadOnlyList<string> DataSets()
    {
        if (!Directory.Exists(dataSets.Root)) return [];
        return Directory.EnumerateFiles(dataSets.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(path => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Select(dataSets.Relative)
            .Order(StringComparer.Ordinal)
            .Take(MaxListed)
            .ToList();
    }

    public Task<ModelAudit> RunAsync(string modelName, string version, JsonElement settings, CancellationToken cancellationToken) =>
        RunAsync(modelName, version, _ => Task.FromResult(settings), cancellationToken);

    /// <summary>Runs an audit whose settings are read only once the version is known and the caller may audit it (the API's request body).</summary>
    public async Task<ModelAudit> RunAsync(string modelName, string version, Func<CancellationToken, Task<JsonElement>> readSettings, CancellationToken cancellationToken)
    {
        var model = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        await audits.DemandRunAsync(model.Name, model.Version, cancellationToken);
        var settings = await readSettings(cancellationToken);
        if (settings.ValueKind != JsonValueKind.Object)
            throw StewardException.Invalid("The request body must be a JSON object with 'kind' and the audit's settings.");
        var kindName = settings.TryGetProperty("kind", out var kindValue) && kindValue.ValueKind == JsonValueKind.String ? kindValue.GetString() : null;
        var kind = ModelAuditKinds.Parse(kindName)
            ?? throw StewardException.Invalid(kindName is null
                ? "Missing value for required parameter 'kind': one of fairness, drift, evaluation."
                : $"Invalid value '{kindName}' for parameter 'kind': expected one of fairness, drift, evaluation.");
        var runner = runners.FirstOrDefault(r => r.Kind == kind)
            ?? throw StewardException.Invalid($"Audits of kind '{kindName}' are not available on this server.");

        // Statistics are CPU work: run them off the request thread so a long scan does not hold it.
        var outcome = await Task.Run(() => runner.Run(settings, dataSets, cancellationToken), cancellationToken);
        return await audits.RecordAsync(new NewModelAudit(model.Name, model.Version, kind, outcome.DataSource,
            outcome.SettingsJson, outcome.ReportJson, outcome.Verdict, outcome.Summary), cancellationToken);
    }
}
