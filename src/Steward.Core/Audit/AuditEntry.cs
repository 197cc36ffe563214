using Steward.Ledger.Entries;

namespace Steward.Audit;

/// <summary>
/// One ledger entry: who did what to which resource, when, with which input, and how it ended.
/// Its leaf bytes (<see cref="ToLeafBytes"/>) are the RFC 8785 canonical JSON of exactly these
/// seven members, so anyone can rebuild them from a listed entry and recompute its leaf hash:
/// <code>{"action":"run.log_batch","actor":"local-admin","index":7,"outcome":"ok","payloadDigest":"&lt;64 hex&gt;","resource":"run/&lt;id&gt;","timestamp":"2026-01-02T03:04:05.678Z"}</code>
/// </summary>
/// <param name="Index">Position in the log, from 0, contiguous.</param>
/// <param name="Timestamp">When it was appended, UTC, to the millisecond.</param>
/// <param name="Actor">The acting identity (<see cref="ICurrentActor"/>).</param>
/// <param name="Action">What was done, <c>noun.verb</c>, e.g. <c>experiment.create</c>.</param>
/// <param name="Resource">What it was done to, e.g. <c>experiment/3</c> or <c>registered_model/m/version/2</c>.</param>
/// <param name="PayloadDigest">Lowercase hex SHA-256 of the canonical request payload (<see cref="AuditPayload"/>).</param>
/// <param name="Outcome">How it ended; <c>ok</c> for a committed write, <c>denied</c> for a refused request.</param>
public sealed record AuditEntry(long Index, DateTimeOffset Timestamp, string Actor, string Action, string Resource, string PayloadDigest, string Outcome)
{
    /// <summary>The outcome of every operation that took effect.</summary>
    public const string Ok = "ok";

    /// <summary>The outcome of a request refused for its credentials or its permissions; it changed nothing.</summary>
    public const string Denied = "denied";

    /// <summary>The timestamp as the leaf bytes carry it: ISO 8601 UTC with milliseconds.</summary>
    public string TimestampText => FormatTimestamp(Timestamp);

    /// <summary>
    /// The entry's canonical bytes: its leaf in the Merkle tree is SHA-256(0x00 ‖ these).
    /// Written by <see cref="EntryEncoding"/>, the one writer of entry bytes.
    /// </summary>
    public byte[] ToLeafBytes() => EntryEncoding.Encode(Index, Timestamp, Actor, Action, Resource, PayloadDigest, Outcome);

    /// <summary>Formats a time as entries and tree heads carry it, e.g. <c>2026-01-02T03:04:05.678Z</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset time) => EntryEncoding.FormatTimestamp(time);
}
