using System.Text.Json.Nodes;

namespace Steward.Audit;

/// <summary>
/// The operation under way on this async flow, as its ledger entry will record it. A service
/// opens one (<see cref="Begin(ICurrentActor, string, string, JsonNode?, Func{object?, string?}?)"/>) before it calls a store; the database appends the entry in
/// the same transaction as the write and refuses any write that has no scope, so no write can
/// skip the ledger.
/// </summary>
/// <remarks>
/// Scopes do not nest: when an operation is built from another (logging a model is a tag write),
/// the outermost scope names the entry and inner <see cref="Begin(ICurrentActor, string, string, JsonNode?, Func{object?, string?}?)"/> calls leave it in place.
/// The scope travels with the async flow (<see cref="AsyncLocal{T}"/>), so a store method that
/// has already started keeps it even after the caller's lease is disposed.
/// </remarks>
public sealed class AuditScope
{
    private static readonly AsyncLocal<AuditScope?> Ambient = new();

    private readonly Func<object?, string?>? _resourceFromResult;

    private AuditScope(string actor, string action, string resource, string payloadDigest, Func<object?, string?>? resourceFromResult, string outcome = AuditEntry.Ok, byte[]? payload = null)
    {
        Payload = payload is not null && AuditPayload.IsKept(action) ? payload : null;
        _resourceFromResult = resourceFromResult;
        Actor = actor;
        Action = action;
        Resource = resource;
        PayloadDigest = payloadDigest;
        Outcome = outcome;
        Change = AuditedChange.Transitional(actor, action, resource, payloadDigest, Payload, outcome, resourceFromResult);
    }

    /// <summary>The same entry as an explicit <see cref="AuditedChange"/>, for stores that take one.</summary>
    public AuditedChange Change { get; }

    /// <summary>The operation under way, or null outside any.</summary>
    public static AuditScope? Current => Ambient.Value;

    /// <summary>Who acts.</summary>
    public string Actor { get; }

    /// <summary>What is done, e.g. <c>run.log_batch</c>.</summary>
    public string Action { get; }

    /// <summary>What it is done to, as far as known before the write (see <see cref="ResourceFor"/>).</summary>
    public string Resource { get; }

    /// <summary>Lowercase hex SHA-256 of the canonical payload.</summary>
    public string PayloadDigest { get; }

    /// <summary>The payload's canonical bytes, kept beside the entry (<see cref="AuditPayload.IsKept"/>); null when not kept.</summary>
    public byte[]? Payload { get; }

    /// <summary>How the operation ended: <see cref="AuditEntry.Ok"/>, or <see cref="AuditEntry.Denied"/> for a refused request.</summary>
    public string Outcome { get; }

    /// <summary>
    /// Opens the scope of an operation for the current async flow, unless one is already open.
    /// Dispose the lease when the operation is done.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="action">What is done (<see cref="AuditActions"/>).</param>
    /// <param name="resource">What it is done to (<see cref="AuditResources"/>).</param>
    /// <param name="payload">The operation's input as a JSON object; digested with <see cref="AuditPayload.Digest(System.Text.Json.Nodes.JsonNode)"/>.</param>
    /// <param name="resourceFromResult">
    /// For creates whose id the database allocates (an experiment id, a version number): names
    /// the resource from what the store's write returned; null keeps <paramref name="resource"/>.
    /// </param>
    public static Lease Begin(ICurrentActor actor, string action, string resource, JsonNode? payload, Func<object?, string?>? resourceFromResult = null) =>
        BeginWithCanonical(actor, action, resource, () => AuditPayload.Canonical(payload), resourceFromResult);

    /// <summary>As <see cref="Begin(ICurrentActor, string, string, JsonNode?, Func{object?, string?}?)"/>, with the payload's canonical bytes written by the caller (only when this scope is the outermost).</summary>
    public static Lease BeginWithCanonical(ICurrentActor actor, string action, string resource, Func<byte[]> canonicalPayload, Func<object?, string?>? resourceFromResult = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(canonicalPayload);
        var previous = Ambient.Value;
        if (previous is not null) return new Lease(previous);
        var bytes = canonicalPayload();
        Ambient.Value = new AuditScope(actor.Name, action, resource, AuditPayload.Digest(bytes), resourceFromResult, AuditEntry.Ok, bytes);
        return new Lease(null);
    }

    /// <summary>As <see cref="Begin(ICurrentActor, string, string, JsonNode?, Func{object?, string?}?)"/>, with the payload's digest computed by the caller (only when this scope is the outermost).</summary>
    public static Lease BeginWithDigest(ICurrentActor actor, string action, string resource, Func<string> payloadDigest, Func<object?, string?>? resourceFromResult = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(payloadDigest);
        var previous = Ambient.Value;
        if (previous is not null) return new Lease(previous);
        Ambient.Value = new AuditScope(actor.Name, action, resource, payloadDigest(), resourceFromResult);
        return new Lease(null);
    }

    /// <summary>
    /// Opens the scope of an operation that stands on its own whatever is under way — a request
    /// refused for its credentials or permissions, whose entry is appended with
    /// <see cref="ILedgerStore.AppendAsync(AuditedChange, CancellationToken)"/> — replacing any open scope until the lease is disposed.
    /// </summary>
    /// <param name="actor">Who acted (or tried to): a name, since the request may prove no identity.</param>
    /// <param name="action">What is recorded, e.g. <c>auth.denied</c>.</param>
    /// <param name="resource">What was attempted.</param>
    /// <param name="payload">Details, digested with <see cref="AuditPayload.Digest(System.Text.Json.Nodes.JsonNode)"/>.</param>
    /// <param name="outcome">How it ended, e.g. <see cref="AuditEntry.Denied"/>.</param>
    public static Lease BeginStandalone(string actor, string action, string resource, JsonNode? payload, string outcome)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var previous = Ambient.Value;
        Ambient.Value = new AuditScope(actor, action, resource, AuditPayload.Digest(payload), null, outcome);
        return new Lease(previous);
    }

    /// <summary>The resource the entry names, given what the write returned.</summary>
    public string ResourceFor(object? writeResult) => _resourceFromResult?.Invoke(writeResult) ?? Resource;

    /// <summary>Restores the scope that was current before <see cref="Begin(ICurrentActor, string, string, JsonNode?, Func{object?, string?}?)"/>.</summary>
    public readonly struct Lease(AuditScope? previous) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => Ambient.Value = previous;
    }
}
