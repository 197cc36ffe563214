using System.Security.Cryptography;
using Steward.Audit;

namespace Steward.LedgerStore.Bench;

/// <summary>
/// Entries shaped like Steward's: a few actors, the real actions, resources that receive runs
/// of consecutive entries (a run logging batch after batch) and a distinct payload digest
/// each. Generated from their position, so any run of the benchmark stores the same log.
/// </summary>
internal static class SyntheticAudit
{
    /// <summary>Consecutive entries on one resource.</summary>
    private const int EntriesPerResource = 50;

    private static readonly string[] Actors = ["local-admin", "alice@example.org", "bob@example.org", "ci-pipeline"];

    private static readonly string[] Actions =
        [AuditActions.RunLogBatch, AuditActions.RunLogBatch, AuditActions.RunLogMetric, AuditActions.RunSetTag, AuditActions.ArtifactUpload, AuditActions.ArtifactDownload];

    public static NewAuditEntry Entry(long position)
    {
        Span<byte> seed = stackalloc byte[8];
        BitConverter.TryWriteBytes(seed, position);
        var digest = Convert.ToHexStringLower(SHA256.HashData(seed));
        BitConverter.TryWriteBytes(seed, position / EntriesPerResource);
        var run = Convert.ToHexStringLower(SHA256.HashData(seed))[..32];
        return new NewAuditEntry(Actors[position % Actors.Length], Actions[position % Actions.Length], $"run/{run}", digest);
    }

    public static List<NewAuditEntry> Entries(long first, int count)
    {
        var entries = new List<NewAuditEntry>(count);
        for (var i = 0; i < count; i++) entries.Add(Entry(first + i));
        return entries;
    }
}
