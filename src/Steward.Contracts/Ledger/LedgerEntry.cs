namespace Steward.Contracts.Ledger;

/// <summary>A ledger entry with its canonical bytes.</summary>
/// <param name="Index">Position in the log, from 0.</param>
/// <param name="Leaf">The entry's RFC 8785 canonical JSON bytes, base64.</param>
/// <param name="LeafHash">SHA-256(0x00 ‖ leaf), lowercase hex.</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Action">What was done, e.g. <c>run.log_batch</c>.</param>
/// <param name="Resource">What it was done to, e.g. <c>run/&lt;id&gt;</c>.</param>
/// <param name="Timestamp">When, ISO 8601 UTC with milliseconds.</param>
/// <param name="PayloadDigest">SHA-256 of the canonical request payload, lowercase hex.</param>
/// <param name="Outcome">How it ended (<c>ok</c>).</param>
public sealed record LedgerEntry(long Index, string Leaf, string LeafHash, string Actor, string Action, string Resource, string Timestamp, string PayloadDigest, string Outcome);

/// <summary>One page of ledger entries.</summary>
/// <param name="Entries">The entries, by index.</param>
/// <param name="NextPageToken">Pass it back for the next page; null on the last.</param>
public sealed record LedgerEntryPage(IReadOnlyList<LedgerEntry> Entries, string? NextPageToken);
