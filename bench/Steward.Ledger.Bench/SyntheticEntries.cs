using System.Text.Unicode;

namespace Steward.Ledger.Bench;

/// <summary>
/// Audit entries shaped like the ledger's (canonical JSON, about 270 bytes), generated from
/// their sequence number so any entry can be rebuilt without storing it.
/// </summary>
internal static class SyntheticEntries
{
    public const int MaxLength = 512;

    private static readonly string[] Actions = ["run.create", "run.log_batch", "model_version.create", "model_version.transition_stage", "artifact.download"];

    public static int Write(long sequence, Span<byte> destination)
    {
        // A stand-in payload digest that differs per entry.
        ulong mix = (ulong)sequence * 0x9E3779B97F4A7C15UL;
        var time = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(sequence);
        Utf8.TryWrite(destination,
            $"{{\"action\":\"{Actions[sequence % Actions.Length]}\",\"actor\":\"user-{sequence % 97}@example.org\",\"outcome\":\"ok\",\"payloadSha256\":\"{mix:x16}{~mix:x16}{mix ^ 0xA5A5A5A5A5A5A5A5UL:x16}{mix >> 7:x16}\",\"resource\":\"runs/{sequence:x12}\",\"sequence\":{sequence},\"timestamp\":\"{time:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\"}}",
            out int written);
        return written;
    }
}
