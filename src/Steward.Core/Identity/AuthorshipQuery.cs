using Steward.Artifacts;
using Steward.Audit;
using Steward.Errors;
using Steward.Registry;
using Steward.Tracking;
using Steward.Tracking.LoggedModels;

namespace Steward.Identity;

/// <summary>
/// <see cref="IAuthorshipQuery"/> over the registry, the runs and the ledger. Creators are the
/// stored <c>user_id</c> of version, model and run (the authenticated actor who created each);
/// the run is the version's <c>run_id</c> and also any run its <c>source</c> points into
/// (<c>runs:/&lt;id&gt;/...</c>, a run's artifact folder, a logged model's source run), since
/// <c>run_id</c> is optional and the client's to give. Writers are the actors of every <c>ok</c>
/// authoring entry (<see cref="AuthorRoles.AuthoringActions"/>) on the version's resource; the
/// actors of its other <c>ok</c> entries (stage moves, audits) are listed apart, as other actors.
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
public sealed class AuthorshipQuery(IRegistryStore registry, ITrackingStore tracking, ILoggedModelStore loggedModels, ILedgerStore ledger) : IAuthorshipQuery
{
    private const int PageSize = 1000;

    public async Task<VersionAuthorship> GetVersionAuthorsAsync(string name, int version, CancellationToken cancellationToken)
    {
        var model = await registry.GetRegisteredModelAsync(name, cancellationToken)
            ?? throw StewardException.NotFound($"Registered Model with name={name} not found");
        var modelVersion = await registry.GetModelVersionAsync(name, version, cancellationToken)
            ?? throw StewardException.NotFound($"Model Version (name={name}, version={version}) not found");

        var authors = new Actors();
        var others = new Actors();
        authors.Add(modelVersion.UserId, AuthorRoles.VersionCreator, null);
        authors.Add(model.UserId, AuthorRoles.ModelCreator, null);
        foreach (var runId in await RunsOfAsync(modelVersion, cancellationToken))
        {
            if (await tracking.GetRunAsync(runId, cancellationToken) is { } run) authors.Add(run.Info.UserId, AuthorRoles.RunCreator, null);
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
                    if (AuthorRoles.AuthoringActions.Contains(entry.Action)) authors.Add(entry.Actor, AuthorRoles.VersionWriter, entry.Action);
                    else others.Add(entry.Actor, null, entry.Action);
                }

                if (page.Count < PageSize) break;
                next = page[^1].Index + 1;
            }
        }

        return new VersionAuthorship(model.Name, modelVersion.Version, authors.ToList(), others.ToList(except: authors));
    }

    /// <summary>The runs a version came from: its <c>run_id</c>, and the run its source lies in.</summary>
    private async Task<IReadOnlyList<string>> RunsOfAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        var runs = new List<string>();
        if (version.RunId is { } runId) runs.Add(runId);
        if (await SourceRunAsync(version.Source, cancellationToken) is { } fromSource && !runs.Contains(fromSource)) runs.Add(fromSource);
        return runs;
    }

    private async Task<string?> SourceRunAsync(string source, CancellationToken cancellationToken)
    {
        const string RunsScheme = "runs:/", LoggedModelScheme = "models:/m-";
        if (source.StartsWith(RunsScheme, StringComparison.Ordinal))
        {
            return source[RunsScheme.Length..].TrimStart('/').Split('/')[0] is { Length: > 0 } id ? id : null;
        }

        if (source.StartsWith(LoggedModelScheme, StringComparison.Ordinal))
        {
            return (await loggedModels.GetLoggedModelAsync(source["models:/".Length..].Trim('/'), cancellationToken))?.SourceRunId;
        }

        if (ServedPath(source) is not { } path) return null;

        // A run's folder is <experiment folder>/<run_id>/artifacts: a run id is the segment before an "artifacts".
        var segments = path.Split('/');
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            if (segments[i + 1] != "artifacts" || await tracking.GetRunAsync(segments[i], cancellationToken) is not { } run) continue;
            if (ServedPath(run.Info.ArtifactUri) is { } root && (path == root || path.StartsWith(root + "/", StringComparison.Ordinal))) return run.Info.RunId;
        }

        return null;
    }

    private static string? ServedPath(string uri)
    {
        try
        {
            return ArtifactPath.ProxyRoot(uri);
        }
        catch (StewardException)
        {
            return null; // a path with '..' lies nowhere the store serves
        }
    }

    /// <summary>Actors in the order first seen, each with their parts and actions, without repeats.</summary>
    private sealed class Actors
    {
        private readonly List<(string Actor, List<string> Roles, List<string> Actions)> _list = [];

        public void Add(string actor, string? role, string? action)
        {
            if (string.IsNullOrEmpty(actor)) return;
            var found = _list.FirstOrDefault(a => a.Actor == actor);
            if (found.Actor is null)
            {
                found = (actor, [], []);
                _list.Add(found);
            }

            if (role is not null && !found.Roles.Contains(role)) found.Roles.Add(role);
            if (action is not null && !found.Actions.Contains(action)) found.Actions.Add(action);
        }

        public bool Contains(string actor) => _list.Any(a => a.Actor == actor);

        /// <summary>The actors, leaving out those <paramref name="except"/> holds (an author is listed once, as an author).</summary>
        public IReadOnlyList<Author> ToList(Actors? except = null) =>
            _list.Where(a => except is null || !except.Contains(a.Actor)).Select(a => new Author(a.Actor, a.Roles, a.Actions)).ToList();
    }
}
