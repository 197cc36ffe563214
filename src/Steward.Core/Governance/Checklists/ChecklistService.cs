using System.Globalization;
using System.Text.Json.Nodes;
using Steward.Artifacts;
using Steward.Audit;
using Steward.Errors;
using Steward.Governance.Records;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Tracking;

namespace Steward.Governance.Checklists;

/// <summary>
/// Answers to compliance checklists per model version, with evidence links, and the version's
/// completion and audit score. Every evidence link is checked: URLs must be http(s), runs and
/// artifacts must name a run the platform holds, audits an audit of the same model.
/// </summary>
public sealed class ChecklistService(
    IChecklistAnswerStore store,
    ChecklistTemplateService templates,
    GovernanceRecordService records,
    RegistryService registry,
    ITrackingStore runs,
    ModelAuditService audits,
    TimeProvider clock,
    ICurrentActor actor,
    AccessControl access)
{
    /// <summary>Answers one item (replacing an earlier answer), with a ledger entry.</summary>
    public async Task<ChecklistAnswer> AnswerAsync(
        string? modelName, string? version, string? checklist, string? item, string? status, IReadOnlyList<(string? Kind, string? Reference)>? evidence, string? note, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        await access.DemandAsync(Permission.AnswerChecklists, GovernanceActions.ChecklistAnswer,
            GovernanceResources.ChecklistItem(modelVersion.Name, modelVersion.Version, checklist?.Trim() ?? "", item?.Trim() ?? ""), cancellationToken);
        var template = await templates.GetAsync(checklist, null, cancellationToken);
        Validation.Required(item, "item");
        var checklistItem = template.Template.Item(item!.Trim())
            ?? throw StewardException.NotFound($"Checklist '{template.Document.Name}' has no item '{item}'; its items: {string.Join(", ", template.Template.Items.Select(i => i.Id))}.");
        var parsedStatus = ChecklistNames.ParseStatus(Validation.Required(status, "status"));
        Validation.MaxLength(note, GovernanceLimits.MaxLongText, "note");
        var links = await CheckEvidenceAsync(modelVersion, evidence ?? [], cancellationToken);
        if (parsedStatus == ChecklistItemStatus.Met && checklistItem.EvidenceRequired && links.Count == 0)
            throw StewardException.Invalid($"Item '{checklistItem.Id}' of checklist '{template.Document.Name}' can be answered met only with at least one evidence link (url, run, artifact or audit).");
        if (parsedStatus == ChecklistItemStatus.NotApplicable && string.IsNullOrWhiteSpace(note))
            throw StewardException.Invalid($"Answering item '{checklistItem.Id}' not_applicable needs a note saying why it does not apply.");

        var answer = new ChecklistAnswer(
            modelVersion.Name, modelVersion.Version, template.Document.Name, checklistItem.Id, parsedStatus, links, note ?? "",
            actor.Name, clock.GetUtcNow().ToUnixTimeMilliseconds());
        var payload = new JsonObject
        {
            ["name"] = answer.ModelName,
            ["version"] = answer.Version,
            ["checklist"] = answer.Checklist,
            ["checklist_version"] = template.Document.Version,
            ["item"] = answer.Item,
            ["status"] = ChecklistNames.Name(answer.Status),
            ["evidence"] = new JsonArray(links.Select(l => (JsonNode?)new JsonObject { ["kind"] = ChecklistNames.Name(l.Kind), ["ref"] = l.Reference }).ToArray()),
            ["note"] = answer.Note,
        };
        var change = AuditedChange.Of(actor, GovernanceActions.ChecklistAnswer,
            GovernanceResources.ChecklistItem(answer.ModelName, answer.Version, answer.Checklist, answer.Item), payload);
        return await store.SetAsync(change, answer, cancellationToken);
    }

    /// <summary>The version's compliance: the checklists its model's record lists, plus any with answers.</summary>
    public async Task<ComplianceStatus> StatusAsync(string? modelName, string? version, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        return await StatusAsync(modelVersion.Name, modelVersion.Version, cancellationToken);
    }

    /// <summary>As <see cref="StatusAsync(string?, string?, CancellationToken)"/> for a version known to exist.</summary>
    public async Task<ComplianceStatus> StatusAsync(string modelName, int version, CancellationToken cancellationToken)
    {
        var record = await records.FindAsync(modelName, cancellationToken);
        var answers = await store.ListAsync(modelName, version, cancellationToken);
        var applicable = record?.Checklists ?? [];
        var names = applicable.Concat(answers.Select(a => a.Checklist)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var checklists = new List<ChecklistCompletion>();
        foreach (var name in names)
        {
            var template = await templates.GetAsync(name, null, cancellationToken);
            var byItem = answers.Where(a => a.Checklist == name).ToDictionary(a => a.Item, StringComparer.Ordinal);
            var items = template.Template.Items.Select(i => new ChecklistItemState(i, byItem.GetValueOrDefault(i.Id))).ToList();
            checklists.Add(new ChecklistCompletion(template, applicable.Contains(name), items));
        }

        return new ComplianceStatus(modelName, version, checklists);
    }

    private async Task<List<EvidenceLink>> CheckEvidenceAsync(ModelVersion version, IReadOnlyList<(string? Kind, string? Reference)> evidence, CancellationToken cancellationToken)
    {
        if (evidence.Count > GovernanceLimits.MaxEvidenceLinks) throw StewardException.Invalid($"At most {GovernanceLimits.MaxEvidenceLinks} evidence links per answer, got {evidence.Count}.");
        var links = new List<EvidenceLink>();
        foreach (var (kindText, reference) in evidence)
        {
            var kind = ChecklistNames.ParseKind(kindText);
            var value = reference?.Trim() ?? "";
            if (value.Length == 0) throw StewardException.Invalid($"Evidence link of kind {ChecklistNames.Name(kind)} has an empty reference.");
            Validation.MaxLength(value, GovernanceLimits.MaxEvidenceReference, "evidence reference");
            switch (kind)
            {
                case EvidenceKind.Url:
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                        throw StewardException.Invalid($"Evidence URL '{value}' must be an absolute http or https URL.");
                    break;
                case EvidenceKind.Run:
                    await RequireRunAsync(value, value, cancellationToken);
                    break;
                case EvidenceKind.Artifact:
                    var slash = value.IndexOf('/', StringComparison.Ordinal);
                    if (slash <= 0 || slash == value.Length - 1) throw StewardException.Invalid($"Evidence artifact '{value}' must be RUN_ID/path/in/run.");
                    await RequireRunAsync(value[..slash], value, cancellationToken);
                    ArtifactPath.Normalize(value[(slash + 1)..]);
                    break;
                case EvidenceKind.Audit:
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                        throw StewardException.Invalid($"Evidence audit '{value}' must be a model audit id (a number).");
                    if (await FindAuditAsync(id, cancellationToken) is not { } audit || audit.ModelName != version.Name)
                        throw StewardException.Invalid($"Evidence audit {id} is not an audit of model '{version.Name}'.");
                    break;
            }

            links.Add(new EvidenceLink(kind, value));
        }

        return links;
    }

    private async Task<ModelAudit?> FindAuditAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            return await audits.GetAsync(id, cancellationToken);
        }
        catch (StewardException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }

    private async Task RequireRunAsync(string runId, string reference, CancellationToken cancellationToken)
    {
        Validation.RunId(runId);
        if (await runs.GetRunAsync(runId, cancellationToken) is null)
            throw StewardException.Invalid($"Evidence '{reference}' names run {runId}, which does not exist.");
    }
}
