using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Governance.Records;
using Steward.Governance.Scorecards;
using Steward.Identity;
using Steward.ModelAudits;
using Steward.Registry;
using Steward.Tracking;

namespace Steward.Governance.ModelCards;

/// <summary>
/// Model cards per version: filled from what the platform holds, completed by people section by
/// section, each edit a new stored revision with a ledger entry. The platform-filled content of
/// a revision is taken when it is stored, so a revision reads the same forever; reading the
/// draft (revision 0) or editing again takes the evidence as it stands then.
/// </summary>
public sealed class ModelCardService(
    IModelCardStore store,
    RegistryService registry,
    ITrackingStore runs,
    ModelAuditService audits,
    GovernanceRecordService records,
    ScorecardService scorecards,
    TimeProvider clock,
    ICurrentActor actor,
    AccessControl access)
{
    /// <summary>The newest stored revision (or the one asked for); with none stored, the draft filled from the platform now (revision 0).</summary>
    public async Task<ModelCard> GetAsync(string? modelName, string? version, int? revision, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        if (revision is < 0) throw StewardException.Invalid($"Parameter 'revision' must be 0 or more, got {revision}.");
        if (revision == 0) return await DraftAsync(modelVersion, null, cancellationToken);
        var stored = await store.GetAsync(modelVersion.Name, modelVersion.Version, revision, cancellationToken);
        if (stored is not null) return stored;
        if (revision is not null) throw StewardException.NotFound($"Model card of {modelVersion.Name} version {modelVersion.Version} has no revision {revision}.");
        return await DraftAsync(modelVersion, null, cancellationToken);
    }

    /// <summary>Every stored revision, oldest first.</summary>
    public async Task<IReadOnlyList<ModelCard>> ListRevisionsAsync(string? modelName, string? version, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        return await store.ListAsync(modelVersion.Name, modelVersion.Version, cancellationToken);
    }

    /// <summary>
    /// Stores the next revision: the platform's content as it stands now, the previous revision's
    /// text, and <paramref name="texts"/> (section key → new text; empty clears). With
    /// <paramref name="baseRevision"/>, fails with ResourceAlreadyExists if someone stored a newer revision meanwhile.
    /// </summary>
    public async Task<ModelCard> EditAsync(string? modelName, string? version, IReadOnlyDictionary<string, string?>? texts, int? baseRevision, CancellationToken cancellationToken)
    {
        var modelVersion = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        await access.DemandInDomainAsync(Permission.EditModelCards, GovernanceActions.ModelCardEdit, GovernanceResources.ModelCard(modelVersion.Name, modelVersion.Version),
            async token => (await registry.GetRegisteredModelAsync(modelVersion.Name, token)).Domain, cancellationToken);
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in texts ?? new Dictionary<string, string?>())
        {
            if (ModelCardSections.Find(key) is null)
                throw StewardException.Invalid($"Unknown model card section '{key}'; the sections are: {string.Join(", ", ModelCardSections.All.Select(s => s.Key))}.");
            Validation.MaxLength(text, GovernanceLimits.MaxCardSectionText, $"sections.{key}");
            changes[key] = (text ?? "").Trim();
        }

        var previous = await store.GetAsync(modelVersion.Name, modelVersion.Version, null, cancellationToken);
        var current = previous?.Revision ?? 0;
        if (baseRevision is { } expected && expected != current)
            throw StewardException.AlreadyExists($"The model card of {modelVersion.Name} version {modelVersion.Version} is at revision {current}, not {expected}: someone edited it meanwhile. Read it again and reapply your change.");

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var kept = new Dictionary<string, (string Text, string? By, long? At)>(StringComparer.Ordinal);
        foreach (var section in previous?.Sections ?? [])
            kept[section.Key] = (section.Text, section.TextEditedBy, section.TextEditedAt);
        foreach (var (key, text) in changes)
        {
            if (kept.TryGetValue(key, out var old) && old.Text == text) continue;
            kept[key] = text.Length == 0 ? ("", null, null) : (text, actor.Name, now);
        }

        var draft = await DraftAsync(modelVersion, kept, cancellationToken);
        var card = draft with { Revision = current + 1, EditedBy = actor.Name, EditedAt = now };
        var payload = new JsonObject
        {
            ["name"] = card.ModelName,
            ["version"] = card.Version,
            ["revision"] = card.Revision,
            ["sections"] = new JsonObject(changes.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
            ["content_sha256"] = Configuration.VersionedDocument.HashOf(ModelCardContent.Serialize(card.Sections)),
        };
        var change = AuditedChange.Of(actor, GovernanceActions.ModelCardEdit, GovernanceResources.ModelCard(card.ModelName, card.Version), payload);
        return await store.AddRevisionAsync(change, card, cancellationToken);
    }

    /// <summary>A card of <paramref name="version"/> filled from the platform now, with the given people-written text.</summary>
    private async Task<ModelCard> DraftAsync(ModelVersion version, IReadOnlyDictionary<string, (string Text, string? By, long? At)>? texts, CancellationToken cancellationToken)
    {
        var model = await registry.GetRegisteredModelAsync(version.Name, cancellationToken);
        var run = version.RunId is null ? null : await runs.GetRunAsync(version.RunId, cancellationToken);
        var evidence = new ModelCardEvidence(
            model,
            version,
            run,
            await records.FindAsync(version.Name, cancellationToken),
            await audits.ListAsync(version.Name, version.Version, null, cancellationToken),
            await scorecards.LatestAsync(version.Name, version.Version, cancellationToken));
        var sections = ModelCardBuilder.Build(evidence, texts ?? new Dictionary<string, (string, string?, long?)>());
        return new ModelCard(version.Name, version.Version, 0, null, null, sections);
    }
}
