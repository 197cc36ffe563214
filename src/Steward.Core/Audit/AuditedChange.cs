using System.Text.Json.Nodes;

namespace Steward.Audit;

/// <summary>
/// One operation's ledger entry, described before the operation writes: who acts, what is done,
/// to what, and the digest (and, for replayable actions, the bytes) of its input. A service makes
/// one per operation and passes it to every store write of that operation; a store write takes it
/// as a parameter and appends its entry in the same transaction, so a write without its entry
/// does not compile. Artifact bytes follow the same protocol: staged, then recorded with
/// <see cref="ILedgerStore.AppendAsync(AuditedChange, CancellationToken)"/>, then committed with
/// the <see cref="LedgerReceipt"/> that append returns.
/// </summary>
/// <remarks>
/// When an operation is built from another (logging a model is a tag write), the outer operation's
/// change is passed down and names the entry.
/// </remarks>
public sealed class AuditedChange
{
    private readonly Func<object?, string?>? _resourceFromResult;

    private AuditedChange(string actor, string action, string resource, string payloadDigest, byte[]? payload, string outcome, Func<object?, string?>? resourceFromResult)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(action);
        Actor = actor;
        Action = action;
        Resource = resource;
        PayloadDigest = payloadDigest;
        Payload = payload is not null && AuditPayload.IsKept(action) ? payload : null;
        Outcome = outcome;
        _resourceFromResult = resourceFromResult;
    }

    /// <summary>Who acts.</summary>
    public string Actor { get; }

    /// <summary>What is done, e.g. <c>run.log_batch</c> (<see cref="AuditActions"/>).</summary>
    public string Action { get; }

    /// <summary>What it is done to, as far as known before the write (see <see cref="ResourceFor"/>).</summary>
    public string Resource { get; }

    /// <summary>Lowercase hex SHA-256 of the canonical payload.</summary>
    public string PayloadDigest { get; }

    /// <summary>The payload's canonical bytes, kept beside the entry (<see cref="AuditPayload.IsKept"/>); null when not kept.</summary>
    public byte[]? Payload { get; }

    /// <summary>How the operation ended: <see cref="AuditEntry.Ok"/>, or <see cref="AuditEntry.Denied"/> for a refused request.</summary>
    public string Outcome { get; }

    /// <summary>The change of an operation by <paramref name="actor"/> whose input is <paramref name="payload"/>.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="action">What is done (<see cref="AuditActions"/>).</param>
    /// <param name="resource">What it is done to (<see cref="AuditResources"/>).</param>
    /// <param name="payload">The operation's input as a JSON object; digested with <see cref="AuditPayload.Digest(JsonNode)"/>.</param>
    /// <param name="resourceFromResult">
    /// For creates whose id the database allocates (an experiment id, a version number): names
    /// the resource from what the store's write returned; null keeps <paramref name="resource"/>.
    /// </param>
    public static AuditedChange Of(ICurrentActor actor, string action, string resource, JsonNode? payload, Func<object?, string?>? resourceFromResult = null) =>
        WithCanonical(actor, action, resource, AuditPayload.Canonical(payload), resourceFromResult);

    /// <summary>As <see cref="Of"/>, with the payload's canonical bytes written by the caller.</summary>
    public static AuditedChange WithCanonical(ICurrentActor actor, string action, string resource, byte[] canonicalPayload, Func<object?, string?>? resourceFromResult = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(canonicalPayload);
        return new AuditedChange(actor.Name, action, resource, AuditPayload.Digest(canonicalPayload), canonicalPayload, AuditEntry.Ok, resourceFromResult);
    }

    /// <summary>As <see cref="Of"/>, with the payload's digest computed by the caller (the payload is not kept).</summary>
    public static AuditedChange WithDigest(ICurrentActor actor, string action, string resource, string payloadDigest, Func<object?, string?>? resourceFromResult = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditedChange(actor.Name, action, resource, payloadDigest, null, AuditEntry.Ok, resourceFromResult);
    }

    /// <summary>
    /// The entry of something that stands on its own, recorded under a name rather than an
    /// identity (a request refused for its credentials or permissions), with its outcome.
    /// </summary>
    public static AuditedChange Standalone(string actor, string action, string resource, JsonNode? payload, string outcome) =>
        new(actor, action, resource, AuditPayload.Digest(payload), null, outcome, null);

    /// <summary>The resource the entry names, given what the write returned.</summary>
    public string ResourceFor(object? writeResult) => _resourceFromResult?.Invoke(writeResult) ?? Resource;

    /// <summary>The entry to append, given what the write returned.</summary>
    public NewAuditEntry EntryFor(object? writeResult) => new(Actor, Action, ResourceFor(writeResult), PayloadDigest, Outcome);
}
