using Steward.Audit;
using Steward.Errors;
using Steward.Registry;
using Steward.Tracking;

namespace Steward.Identity;

/// <summary>
/// <see cref="IAuthorshipQuery"/> over the registry, the runs and the ledger. Creators are the
/// stored <c>user_id</c> of version, model and run (the authenticated actor who created each);
/// writers are the actors of every <c>ok</c> ledger entry on the version's resource.
/// </summary>
/// <remarks>
/// Ledger entries name a model by its name at the time, so the writers are looked up under every
/// name of the version's name family (<see cref="IRegistryStore.ListNameFamilyAsync"/>): the names
/// its model has had, and those of any model, deleted ones too, that held one of them. Authorship
/// thus survives renames, and deleting a model and registering a name it had again: whoever wrote
/// version N under any of those names is an author of version N. That counts a few people too many
/// when a name passes between unrelated models, never one too few; entries written before names
/// were recorded are found under the names the models have had since.
/// </remarks>
public sealed class AuthorshipQuery(IRegistryStore registry, ITrackingStore tracking, ILedgerStore ledger) : IAuthorshipQuery
{
    private const int PageSize = 1000;

    public async Task<VersionAuthorship> GetVersionAuthorsAsync(string name, int version, CancellationToken cancellationToken)
    {
        var model = await registry.GetRegisteredModelAsync(name, cancellationToken)
            ?? throw StewardException.NotFound($"Registered Model with name={name} not found");
        var modelVersion = await registry.GetModelVersionAsync(name, version, cancellationToken)
            ?? throw StewardException.NotFound($"Model Version (name={name}, version={version}) not found");

        var authors = new List<(string Actor, List<string> Roles, List<string> Actions)>();
        void Add(string actor, string? role, string? action)
        {
            if (string.IsNullOrEmpty(actor)) return;
            var author = authors.FirstOrDefault(a => a.Actor == actor);
            if (author.Actor is null)
            {
                author = (actor, [], []);
                authors.Add(author);
            }

            if (role is not null && !author.Roles.Contains(role)) author.Roles.Add(role);
            if (action is not null && !author.Actions.Contains(action)) author.Actions.Add(action);
        }

        Add(modelVersion.UserId, AuthorRoles.VersionCreator, null);
        Add(model.UserId, AuthorRoles.ModelCreator, null);
        if (modelVersion.RunId is { } runId && await tracking.GetRunAsync(runId, cancellationToken) is { } run)
        {
            Add(run.Info.UserId, AuthorRoles.RunCreator, null);
        }

        foreach (var known in await registry.ListNameFamilyAsync(model.Name, cancellationToken))
        {
            var resource = AuditResources.ModelVersion(known, version);
            long next = 0;
            while (true)
            {
                var page = await ledger.ListEntriesAsync(new AuditEntryQuery(next, null, PageSize) { Resource = resource }, cancellationToken);
                foreach (var entry in page.Where(e => e.Outcome == AuditEntry.Ok && e.Resource == resource))
                {
                    Add(entry.Actor, AuthorRoles.VersionWriter, entry.Action);
                }

                if (page.Count < PageSize) break;
                next = page[^1].Index + 1;
            }
        }

        return new VersionAuthorship(model.Name, modelVersion.Version, authors.Select(a => new Author(a.Actor, a.Roles, a.Actions)).ToList());
    }
}
