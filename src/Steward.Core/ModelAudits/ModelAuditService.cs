using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;

namespace Steward.ModelAudits;

/// <summary>
/// Keeps audits of model versions as governance evidence. Recording one is a ledger entry whose
/// payload digest covers the settings and the whole report, so the evidence cannot be altered
/// afterwards without the ledger showing it.
/// </summary>
public sealed class ModelAuditService(IModelAuditStore store, ICurrentActor actor, AccessControl access)
{
    /// <summary>Refuses (403, itself a ledger entry) a caller who may not run audits — before the audit's work starts.</summary>
    public Task DemandRunAsync(string modelName, int version, CancellationToken cancellationToken = default) =>
        access.DemandAsync(Permission.RunAudits, AuditActions.ModelVersionRecordAudit, AuditResources.ModelVersion(modelName, version), cancellationToken);

    /// <summary>Records <paramref name="audit"/> against its model version.</summary>
    public async Task<ModelAudit> RecordAsync(NewModelAudit audit, CancellationToken cancellationToken = default)
    {
        await DemandRunAsync(audit.ModelName, audit.Version, cancellationToken);
        Validation.Required(audit.ModelName, "name");
        if (audit.Version < 1)
            throw StewardException.Invalid($"version must be a positive number, got {audit.Version}");
        Validation.Required(audit.DataSource, "data");
        var payload = new JsonObject
        {
            ["name"] = audit.ModelName,
            ["version"] = audit.Version,
            ["kind"] = ModelAuditKinds.Name(audit.Kind),
            ["data"] = audit.DataSource,
            ["settings"] = JsonNode.Parse(audit.SettingsJson),
            ["report"] = JsonNode.Parse(audit.ReportJson),
            ["verdict"] = audit.Verdict.ToString().ToLowerInvariant(),
        };
        var change = AuditedChange.Of(actor, AuditActions.ModelVersionRecordAudit,
            AuditResources.ModelVersion(audit.ModelName, audit.Version), payload);
        return await store.AddAsync(change, audit, actor.Name, cancellationToken);
    }

    /// <summary>One audit; <c>ResourceDoesNotExist</c> if there is none with that id.</summary>
    public async Task<ModelAudit> GetAsync(long id, CancellationToken cancellationToken = default) =>
        await store.GetAsync(id, cancellationToken) ?? throw StewardException.NotFound($"Model audit {id} not found");

    /// <summary>A version's audits, newest first.</summary>
    public Task<IReadOnlyList<ModelAudit>> ListAsync(string modelName, int version, ModelAuditKind? kind = null, CancellationToken cancellationToken = default) =>
        store.ListAsync(modelName, version, kind, cancellationToken);

    /// <summary>The newest audit of <paramref name="kind"/> for a version, or null (what gates and scorecards read).</summary>
    public async Task<ModelAudit?> LatestAsync(string modelName, int version, ModelAuditKind kind, CancellationToken cancellationToken = default) =>
        (await store.ListAsync(modelName, version, kind, cancellationToken)).FirstOrDefault();
}
