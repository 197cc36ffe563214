using Steward.Audit;
using Steward.Storage.Ledger;
using Steward.Storage.Sql;

namespace Steward.Bench;

/// <summary>
/// A ledger that records nothing, for the storage of the server the ledger-cost check measures
/// without the ledger: no payload row, no entry row, hashes or tree state, no ledger lock on
/// PostgreSQL. The write's own transaction commits as usual.
/// </summary>
internal sealed class NoLedger : ILedgerAppender
{
    public Task SavePayloadAsync(SqlSession session, string digest, byte[] payload) => Task.CompletedTask;

    public Task<long> AppendAsync(SqlSession session, IReadOnlyList<NewAuditEntry> entries, bool commit) => Task.FromResult(0L);
}
