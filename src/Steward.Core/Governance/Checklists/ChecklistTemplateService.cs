using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Governance.Configuration;
using Steward.Identity;

namespace Steward.Governance.Checklists;

/// <summary>A version of a checklist template with its parsed items.</summary>
public sealed record ChecklistTemplateVersion(VersionedDocument Document, ChecklistTemplate Template);

/// <summary>
/// The compliance checklist templates: GDPR, CCPA and SOX shipped with Steward (version 0 of
/// each), and any a team adds (the EU AI Act, an internal policy). Adding a template under an
/// existing name stores its next version; the newest version is the one answers are checked against.
/// </summary>
public sealed class ChecklistTemplateService(IGovernanceDocumentStore documents, TimeProvider clock, ICurrentActor actor, AccessControl access)
{
    /// <summary>The templates shipped with Steward, as version 0.</summary>
    public static IReadOnlyList<ChecklistTemplateVersion> Shipped { get; } = ShippedFiles.Named("checklist-")
        .Select(file =>
        {
            var content = ShippedFiles.Read(file);
            var template = ChecklistTemplateParser.Parse(content);
            return new ChecklistTemplateVersion(VersionedDocument.Shipped(DocumentKinds.ChecklistTemplate, template.Name, content), template);
        })
        .ToList();

    /// <summary>The newest version of every template, by name.</summary>
    public async Task<IReadOnlyList<ChecklistTemplateVersion>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = (await documents.ListLatestAsync(DocumentKinds.ChecklistTemplate, cancellationToken)).Select(Load).ToList();
        return stored.Concat(Shipped.Where(s => stored.All(t => t.Document.Name != s.Document.Name)))
            .OrderBy(t => t.Document.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One template, its newest version unless <paramref name="version"/> says which; ResourceDoesNotExist naming the known ones.</summary>
    public async Task<ChecklistTemplateVersion> GetAsync(string? name, int? version, CancellationToken cancellationToken)
    {
        Validation.Required(name, "checklist");
        var key = name!.Trim().ToLowerInvariant();
        var shipped = Shipped.FirstOrDefault(s => s.Document.Name == key);
        if (version is null)
        {
            if (await documents.GetAsync(DocumentKinds.ChecklistTemplate, key, null, cancellationToken) is { } newest) return Load(newest);
            if (shipped is not null) return shipped;
        }
        else if (version == 0 && shipped is not null)
        {
            return shipped;
        }
        else if (version > 0 && await documents.GetAsync(DocumentKinds.ChecklistTemplate, key, version, cancellationToken) is { } stored)
        {
            return Load(stored);
        }

        var known = (await ListAsync(cancellationToken)).Select(t => t.Document.Name).ToList();
        throw known.Contains(key)
            ? StewardException.NotFound($"Checklist '{key}' has no version {version}.")
            : StewardException.NotFound($"Unknown checklist '{name}'; known checklists: {string.Join(", ", known)}.");
    }

    /// <summary>Checks a template file and stores it as the next version of its name, with a ledger entry.</summary>
    public async Task<ChecklistTemplateVersion> AddAsync(string? content, CancellationToken cancellationToken)
    {
        // The permission before the file is read; the template's name is known only after, so the refusal names the kind.
        await access.DemandAsync(Permission.ConfigureGovernance, GovernanceActions.ChecklistTemplateAdd, $"governance/{DocumentKinds.ChecklistTemplate}", cancellationToken);
        var template = ChecklistTemplateParser.Parse(content);
        var sha = VersionedDocument.HashOf(content!);
        var change = AuditedChange.Of(actor, GovernanceActions.ChecklistTemplateAdd, GovernanceResources.Document(DocumentKinds.ChecklistTemplate, template.Name),
            new JsonObject { ["name"] = template.Name, ["content_sha256"] = sha });
        var stored = await documents.AddAsync(change, DocumentKinds.ChecklistTemplate, template.Name, content!, sha, actor.Name, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        return new ChecklistTemplateVersion(stored, template);
    }

    private static ChecklistTemplateVersion Load(VersionedDocument document) => new(document, ChecklistTemplateParser.Parse(document.Content));
}
