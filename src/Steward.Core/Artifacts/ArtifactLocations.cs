using Steward.Errors;
using Steward.Tracking;

namespace Steward.Artifacts;

/// <summary>
/// Who owns which folder of the served artifact store. Each experiment owns its folder
/// (<c>mlflow-artifacts:/3</c> → <c>3</c>, or a custom <c>mlflow-artifacts:/team/churn</c>), and
/// inside it each run owns <c>&lt;run_id&gt;/artifacts</c> and each logged model
/// <c>models/&lt;model_id&gt;/artifacts</c>. New experiments get folders no other experiment uses,
/// so folders do not nest; those an older server let nest are resolved by what encloses a path.
/// </summary>
internal sealed class ArtifactLocations(ITrackingStore store)
{
    /// <summary>One experiment's folder in the store, with the domain its artifacts belong to.</summary>
    internal sealed record Folder(string ExperimentId, string Root, string Domain)
    {
        public bool Encloses(string path) => Root.Length == 0 || path == Root || path.StartsWith(Root + "/", StringComparison.Ordinal);

        public bool LiesUnder(string path) => path.Length == 0 || Root.StartsWith(path + "/", StringComparison.Ordinal);

        /// <summary>
        /// Whether the path lies in one of the experiment's run or logged-model folders
        /// (<c>&lt;run_id&gt;/artifacts/...</c>, <c>models/&lt;id&gt;/artifacts/...</c>), judged by shape:
        /// such a folder holds that run's artifacts whichever location leads into it.
        /// </summary>
        public bool HoldsAsRunContent(string path)
        {
            if (!Encloses(path) || path == Root) return false;
            var rest = (Root.Length == 0 ? path : path[(Root.Length + 1)..]).Split('/');
            return (rest.Length >= 2 && rest[1] == "artifacts") || (rest.Length >= 3 && rest[0] == "models" && rest[2] == "artifacts");
        }
    }

    /// <summary>
    /// Checks a location asked for at experiment creation: one outside the served store is kept as
    /// given (Steward does not serve it); one inside must be a folder of its own — not the whole
    /// store, not a number-named folder (experiments' default folders), and neither inside nor
    /// around another experiment's folder.
    /// </summary>
    public async Task CheckNewAsync(string? location, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(location) || !location.StartsWith(ArtifactPath.ProxyScheme, StringComparison.Ordinal)) return;
        string root;
        try
        {
            root = ArtifactPath.ProxyRoot(location)!;
        }
        catch (StewardException)
        {
            throw StewardException.Invalid($"Invalid 'artifact_location' '{location}': the path must not contain '..', '.', '#', backslashes or a drive.");
        }

        if (root.Length == 0)
        {
            throw StewardException.Invalid($"Invalid 'artifact_location' '{location}': it names the whole artifact store; name a folder of its own, e.g. '{ArtifactPath.ProxyScheme}/team/project'.");
        }

        var first = root.Split('/')[0];
        if (first.All(char.IsAsciiDigit))
        {
            throw StewardException.Invalid(
                $"Invalid 'artifact_location' '{location}': folders named by a number are experiments' own folders; leave 'artifact_location' empty for the default, or name a folder that does not start with a number.");
        }

        foreach (var folder in await FoldersAsync(root, cancellationToken))
        {
            if (folder.Encloses(root) || folder.LiesUnder(root))
            {
                throw StewardException.Invalid(
                    $"Invalid 'artifact_location' '{location}': it overlaps the artifact folder '{folder.Root}' of experiment {folder.ExperimentId}; an experiment's artifacts go in a folder no other experiment uses.");
            }
        }
    }

    /// <summary>The experiment folders that enclose <paramref name="path"/>, innermost first.</summary>
    public async Task<IReadOnlyList<Folder>> EnclosingAsync(string path, CancellationToken cancellationToken) =>
        (await FoldersAsync(path, cancellationToken)).Where(f => f.Encloses(path)).OrderByDescending(f => f.Root.Length).ToList();

    /// <summary>The experiment folders strictly under <paramref name="path"/>.</summary>
    public async Task<IReadOnlyList<Folder>> UnderAsync(string path, CancellationToken cancellationToken) =>
        (await FoldersAsync(path, cancellationToken)).Where(f => f.LiesUnder(path)).ToList();

    private async Task<IReadOnlyList<Folder>> FoldersAsync(string path, CancellationToken cancellationToken)
    {
        var first = path.Length == 0 ? null : path.Split('/')[0];
        var locations = await store.ListArtifactLocationsAsync(TrackingService.DefaultArtifactRoot, first, cancellationToken);
        var folders = new List<Folder>();
        foreach (var location in locations)
        {
            string? root;
            try
            {
                root = ArtifactPath.ProxyRoot(location.ArtifactLocation);
            }
            catch (StewardException)
            {
                // A stored location with '..' resolves nowhere the store serves.
                continue;
            }

            if (root is not null) folders.Add(new Folder(location.ExperimentId, root, location.Domain));
        }

        return folders;
    }
}
