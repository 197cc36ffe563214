using Steward.Audit;
using Steward.Errors;
using Steward.Identity;

namespace Steward.Governance.Configuration;

/// <summary>
/// A governance configuration kept as one versioned file (the scorecard configuration, the
/// lifecycle policy): the file shipped with Steward is version 0 until a first version is stored;
/// storing a change needs the configure-governance permission, checks the whole file (a malformed
/// file changes nothing), and stores it as the next version with its ledger entry.
/// </summary>
/// <typeparam name="TContent">The file's parsed content.</typeparam>
/// <typeparam name="TVersion">A version with its parsed content.</typeparam>
public abstract class VersionedDocumentService<TContent, TVersion>(
    VersionedDocumentKind<TContent, TVersion> file, IGovernanceDocumentStore documents, TimeProvider clock, ICurrentActor actor, AccessControl access)
{
    /// <summary>The version in force now.</summary>
    public async Task<TVersion> CurrentAsync(CancellationToken cancellationToken) =>
        await documents.GetAsync(file.Kind, VersionedDocumentKind<TContent, TVersion>.DocumentName, null, cancellationToken) is { } stored ? file.Load(stored) : file.Shipped;

    /// <summary>One version; 0 is the shipped file.</summary>
    public async Task<TVersion> GetAsync(int version, CancellationToken cancellationToken)
    {
        if (version < 0) throw StewardException.Invalid($"Parameter 'version' must be 0 or more, got {version}.");
        if (version == 0) return file.Shipped;
        return await documents.GetAsync(file.Kind, VersionedDocumentKind<TContent, TVersion>.DocumentName, version, cancellationToken) is { } stored
            ? file.Load(stored)
            : throw StewardException.NotFound($"{file.Title} version {version} not found.");
    }

    /// <summary>Every version, the shipped file (0) first.</summary>
    public async Task<IReadOnlyList<VersionedDocument>> HistoryAsync(CancellationToken cancellationToken) =>
        [file.ShippedDocument, .. await documents.ListVersionsAsync(file.Kind, VersionedDocumentKind<TContent, TVersion>.DocumentName, cancellationToken)];

    /// <summary>Checks <paramref name="content"/> and stores it as the next version, with a ledger entry (a governance officer's permission).</summary>
    public async Task<TVersion> SetAsync(string? content, CancellationToken cancellationToken)
    {
        const string name = VersionedDocumentKind<TContent, TVersion>.DocumentName;
        var resource = GovernanceResources.Document(file.Kind, name);
        await access.DemandAsync(Permission.ConfigureGovernance, file.UpdateAction, resource, cancellationToken);
        var parsed = file.Parse(content);
        var sha = VersionedDocument.HashOf(content!);
        var change = AuditedChange.Of(actor, file.UpdateAction, resource, file.Describe(parsed, sha));
        var stored = await documents.AddAsync(change, file.Kind, name, content!, sha, actor.Name, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        return file.Version(stored, parsed);
    }
}
