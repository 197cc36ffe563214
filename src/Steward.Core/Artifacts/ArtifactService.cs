using System.Text.Json.Nodes;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Tracking;

namespace Steward.Artifacts;

/// <summary>
/// Artifacts, addressed relative to a run's artifact root or (for MLflow's proxy API) to the
/// store's root. Artifact bytes live outside the database, so each upload and delete is staged
/// in the store, recorded in the ledger in a transaction of its own, and only then committed;
/// each download is recorded before its first byte leaves. Listing names
/// is not a read of protected content and is not recorded. Downloads need the download
/// permission; writes need the write-tracking permission in the domain of the experiment whose
/// artifact folder they touch.
/// </summary>
public sealed class ArtifactService(IArtifactStore artifacts, TrackingService tracking, ILedgerStore ledger, ICurrentActor actor, AccessControl access)
{
    /// <summary>The store behind the proxy API, for listings; reads and writes go through this service.</summary>
    public IArtifactStore Store => artifacts;

    public async Task<IReadOnlyList<ArtifactFile>> ListAsync(string? runId, string? path, CancellationToken cancellationToken)
    {
        var (root, relative) = await ResolveAsync(runId, path, cancellationToken);
        var files = await artifacts.ListAsync(ArtifactPath.Combine(root, relative), cancellationToken);
        // Run-relative listings name each entry from the run's root, as MLflow's do.
        return files.Select(f => f with { Path = ArtifactPath.Combine(relative, f.Path) }).ToList();
    }

    public async Task<Stream> OpenReadAsync(string? runId, string? path, CancellationToken cancellationToken)
    {
        var (root, relative) = await ResolveAsync(runId, path, cancellationToken);
        if (relative.Length == 0) throw StewardException.Invalid("Missing value for required parameter 'path'.");
        await access.DemandAsync(Permission.ReadArtifacts, AuditActions.ArtifactDownload, AuditResources.Artifact(runId!, relative), cancellationToken);
        var stream = await artifacts.OpenReadAsync(ArtifactPath.Combine(root, relative), cancellationToken)
            ?? throw StewardException.NotFound($"No artifact '{relative}' in run {runId}");
        return await RecordReadAsync(stream, AuditResources.Artifact(runId!, relative), new() { ["run_id"] = runId, ["path"] = relative }, cancellationToken);
    }

    public async Task WriteAsync(string? runId, string? path, Stream content, CancellationToken cancellationToken)
    {
        var (root, relative) = await ResolveAsync(runId, path, cancellationToken);
        if (relative.Length == 0) throw StewardException.Invalid("Missing value for required parameter 'path'.");
        var run = await tracking.GetRunAsync(runId, cancellationToken);
        if (run.Info.LifecycleStage != LifecycleStage.Active)
        {
            throw StewardException.Invalid($"The run {run.Info.RunId} must be in the 'active' state. Current state is deleted.");
        }

        await tracking.DemandRunAsync(run.Info.RunId, AuditActions.ArtifactUpload, cancellationToken);
        await DemandLandsInRunAsync(run.Info, ArtifactPath.Combine(root, relative), AuditResources.Artifact(run.Info.RunId, relative), cancellationToken);
        await WriteRecordedAsync(ArtifactPath.Combine(root, relative), content, AuditResources.Artifact(run.Info.RunId, relative), new() { ["run_id"] = run.Info.RunId, ["path"] = relative }, cancellationToken);
    }

    /// <summary>Opens a file by its path from the store's root (MLflow's proxy API); null when there is none.</summary>
    public async Task<Stream?> OpenStoredAsync(string path, CancellationToken cancellationToken)
    {
        await access.DemandAsync(Permission.ReadArtifacts, AuditActions.ArtifactDownload, AuditResources.StoredArtifact(path), cancellationToken);
        var stream = await artifacts.OpenReadAsync(path, cancellationToken);
        return stream is null ? null : await RecordReadAsync(stream, AuditResources.StoredArtifact(path), new() { ["path"] = path }, cancellationToken);
    }

    /// <summary>Writes a file by its path from the store's root (MLflow's proxy API).</summary>
    public async Task WriteStoredAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        await DemandStoredWriteAsync(path, AuditActions.ArtifactUpload, withContents: false, cancellationToken);
        await WriteRecordedAsync(path, content, AuditResources.StoredArtifact(path), new() { ["path"] = path }, cancellationToken);
    }

    /// <summary>Deletes a file or folder by its path from the store's root (MLflow's proxy API).</summary>
    public async Task DeleteStoredAsync(string path, CancellationToken cancellationToken)
    {
        await DemandStoredWriteAsync(path, AuditActions.ArtifactDelete, withContents: true, cancellationToken);
        await using var delete = await artifacts.StageDeleteAsync(path, cancellationToken);
        var receipt = await ledger.AppendAsync(
            AuditedChange.Of(actor, AuditActions.ArtifactDelete, AuditResources.StoredArtifact(path), new JsonObject { ["path"] = path }), cancellationToken);

        // Recorded: the removal is no longer the client's to cancel. Should it fail, the entry
        // says deleted while the file stays, and a retry removes it (with an entry of its own).
        await delete.CommitAsync(receipt, CancellationToken.None);
    }

    /// <summary>Records the download before any byte leaves: a read the ledger cannot record is refused.</summary>
    private async Task<Stream> RecordReadAsync(Stream stream, string resource, JsonObject payload, CancellationToken cancellationToken)
    {
        try
        {
            await ledger.AppendAsync(AuditedChange.Of(actor, AuditActions.ArtifactDownload, resource, payload), cancellationToken);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stages the bytes, records the upload with the SHA-256 of what was staged, and only then
    /// puts the file in place: an upload the ledger cannot record leaves no file behind.
    /// </summary>
    private async Task WriteRecordedAsync(string path, Stream content, string resource, JsonObject payload, CancellationToken cancellationToken)
    {
        await using var hashing = new HashingReadStream(content);
        await using var write = await artifacts.StageWriteAsync(path, hashing, cancellationToken);
        payload["content_sha256"] = hashing.Digest();
        payload["size"] = hashing.BytesRead;
        var receipt = await ledger.AppendAsync(AuditedChange.Of(actor, AuditActions.ArtifactUpload, resource, payload), cancellationToken);

        // Recorded: the move is no longer the client's to cancel. Should it fail, the entry names
        // bytes that are not in place (the client sees an error and its retry writes them again).
        await write.CommitAsync(receipt, CancellationToken.None);
    }

    /// <summary>
    /// A proxy path's bytes belong to the innermost experiment folder that encloses them, and to
    /// every run or logged-model folder that encloses them (whichever experiment's location leads
    /// there); a delete also removes the experiment folders under the path. The write needs the
    /// write permission in each of their domains; a path under no experiment's folder is an admin's.
    /// </summary>
    private async Task DemandStoredWriteAsync(string path, string action, bool withContents, CancellationToken cancellationToken)
    {
        var resource = AuditResources.StoredArtifact(path);
        if (access.Principal.IsAdmin) return;
        var enclosing = await tracking.ArtifactLocations.EnclosingAsync(path, cancellationToken);
        if (path.Length == 0 || enclosing.Count == 0)
        {
            await access.DemandOutsideDomainsAsync(Permission.WriteTracking, action, resource, cancellationToken);
            return;
        }

        var owners = enclosing.Take(1).Concat(enclosing.Skip(1).Where(f => f.HoldsAsRunContent(path))).ToList();
        if (withContents) owners.AddRange(await tracking.ArtifactLocations.UnderAsync(path, cancellationToken));
        foreach (var domain in owners.Select(f => f.Domain).Distinct())
        {
            await access.DemandInDomainAsync(Permission.WriteTracking, action, resource, domain, cancellationToken);
        }
    }

    /// <summary>
    /// A run-relative write lands in the run's own folder; it is refused when that folder lies in
    /// another experiment's folder (a location an older server accepted), so no run can write into
    /// another experiment's or run's space.
    /// </summary>
    private async Task DemandLandsInRunAsync(RunInfo run, string landing, string resource, CancellationToken cancellationToken)
    {
        var enclosing = await tracking.ArtifactLocations.EnclosingAsync(landing, cancellationToken);
        if (enclosing.FirstOrDefault(f => f.ExperimentId != run.ExperimentId) is { } foreign)
        {
            await access.RefuseAsync(Permission.WriteTracking, AuditActions.ArtifactUpload, resource, "artifact-location",
                $"Run {run.RunId} keeps its artifacts at '{run.ArtifactUri}', inside the artifact folder '{foreign.Root}' of experiment {foreign.ExperimentId}; "
                + "writes there would land in another experiment's space.",
                cancellationToken);
        }
    }

    private async Task<(string Root, string Relative)> ResolveAsync(string? runId, string? path, CancellationToken cancellationToken)
    {
        var run = await tracking.GetRunAsync(runId, cancellationToken);
        var root = ArtifactPath.ProxyRoot(run.Info.ArtifactUri)
            ?? throw new StewardException(ErrorCode.NotImplemented, $"Run {run.Info.RunId} keeps its artifacts at '{run.Info.ArtifactUri}', which Steward does not serve.");
        return (root, ArtifactPath.Normalize(path));
    }
}
