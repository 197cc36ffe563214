using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;
using Steward.Server.Identity;

namespace Steward.Server.NativeApi;

/// <summary>
/// <c>/api/v1/audit</c>: the ledger as auditors' tools read it — the signed head, the key that signs it, entries with
/// their canonical bytes, inclusion and consistency proofs. A stable contract (docs/ledger.md). Every
/// route needs the read-ledger permission, which <see cref="LedgerService"/> checks.
/// </summary>
internal static class AuditApi
{
    private static NativeJsonContext Json => NativeJsonContext.Default;

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit");
        audit.RequirePermission(Permission.ReadLedger, "ledger.read", _ => AuditResources.Ledger);
        audit.MapGet("/head", HeadAsync);
        audit.MapGet("/key", Key);
        audit.MapGet("/entries", EntriesAsync);
        audit.MapGet("/proof/inclusion", InclusionAsync);
        audit.MapGet("/proof/consistency", ConsistencyAsync);
    }

    private static async Task<JsonHttpResult<TreeHeadDto>> HeadAsync(LedgerService audit, CancellationToken cancellationToken)
    {
        var signed = await audit.GetHeadAsync(cancellationToken);
        return ApiResults.Ok(
            new TreeHeadDto(
                signed.Head.TreeSize, signed.Head.RootHashHex, signed.Head.TimestampText, Convert.ToBase64String(signed.Signature),
                TreeHeadVerifier.KeyIdOf(signed.PublicKey), Convert.ToBase64String(signed.PublicKey)),
            Json.LedgerHead);
    }

    private static async Task<JsonHttpResult<LedgerKeyDto>> Key(LedgerService audit, CancellationToken cancellationToken)
    {
        var key = await audit.GetKeyAsync(cancellationToken);
        return ApiResults.Ok(new LedgerKeyDto(key.KeyId, key.PublicKeyBase64, key.PublicKeyPem), Json.LedgerKey);
    }

    private static async Task<JsonHttpResult<AuditEntriesDto>> EntriesAsync(
        LedgerService audit,
        [FromQuery] string? start,
        [FromQuery] string? end,
        [FromQuery] string? resource,
        [FromQuery] string? actor,
        [FromQuery] string? action,
        [FromQuery] string? since,
        [FromQuery] string? until,
        [FromQuery] string? maxResults,
        [FromQuery] string? pageToken,
        CancellationToken cancellationToken)
    {
        var filters = new AuditEntryQuery(0, null, 0)
        {
            Resource = resource,
            Actor = actor,
            Action = action,
            Since = Time(since, "since"),
            Until = Time(until, "until"),
        };
        var max = Requests.Long(maxResults, "maxResults");
        var page = await audit.ListEntriesAsync(
            Requests.Long(start, "start"), Requests.Long(end, "end"), filters, max is null ? null : (int)Math.Clamp(max.Value, -1, int.MaxValue), pageToken, cancellationToken);
        var entries = page.Entries.Select(e =>
        {
            var leaf = e.ToLeafBytes();
            return new AuditEntryDto(
                e.Index, Convert.ToBase64String(leaf), Convert.ToHexStringLower(MerkleHash.HashLeaf(leaf)),
                e.Actor, e.Action, e.Resource, e.TimestampText, e.PayloadDigest, e.Outcome);
        }).ToList();
        return ApiResults.Ok(new AuditEntriesDto(entries, page.NextPageToken), Json.LedgerEntryPage);
    }

    private static async Task<JsonHttpResult<InclusionProofDto>> InclusionAsync(
        LedgerService audit, [FromQuery] string? index, [FromQuery] string? treeSize, CancellationToken cancellationToken)
    {
        var i = Requests.Long(index, "index");
        var n = Requests.Long(treeSize, "treeSize");
        var (leafHash, path) = await audit.InclusionProofAsync(i, n, cancellationToken);
        return ApiResults.Ok(new InclusionProofDto(i!.Value, n!.Value, Convert.ToHexStringLower(leafHash), Hex(path)), Json.LedgerInclusionProof);
    }

    private static async Task<JsonHttpResult<ConsistencyProofDto>> ConsistencyAsync(
        LedgerService audit, [FromQuery] string? first, [FromQuery] string? second, CancellationToken cancellationToken)
    {
        var m = Requests.Long(first, "first");
        var n = Requests.Long(second, "second");
        var path = await audit.ConsistencyProofAsync(m, n, cancellationToken);
        return ApiResults.Ok(new ConsistencyProofDto(m!.Value, n!.Value, Hex(path)), Json.LedgerConsistencyProof);
    }

    private static List<string> Hex(byte[][] hashes) => hashes.Select(Convert.ToHexStringLower).ToList();

    /// <summary>An ISO 8601 time (e.g. <c>2026-01-02T03:04:05Z</c>) or Unix milliseconds.</summary>
    private static DateTimeOffset? Time(string? value, string field)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)) return time;
        throw StewardException.Invalid($"Parameter '{field}' must be an ISO 8601 time or Unix milliseconds, got '{value}'.");
    }
}
