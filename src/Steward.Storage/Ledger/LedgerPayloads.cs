using Steward.Storage.Sql;

namespace Steward.Storage.Ledger;

/// <summary>The kept payloads of ledger entries (<c>ledger_payloads</c>), keyed by their digest.</summary>
internal static class LedgerPayloads
{
    /// <summary>Keeps <paramref name="payload"/> in the write's transaction; the same payload written twice is kept once.</summary>
    public static Task SaveAsync(SqlSession session, string digest, byte[] payload) =>
        session.ExecuteAsync(
            "INSERT INTO ledger_payloads (digest, payload) VALUES (@digest, @payload) ON CONFLICT (digest) DO NOTHING",
            new { digest, payload });
}
