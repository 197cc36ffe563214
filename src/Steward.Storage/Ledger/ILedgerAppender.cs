using Steward.Audit;
using Steward.Storage.Sql;

namespace Steward.Storage.Ledger;

/// <summary>
/// What a write leaves in the ledger, inside its own transaction: the kept payload and the
/// entry. The database is given one when it is opened (<see cref="LedgerAppender"/> in every
/// deployment); the benchmark that measures what the ledger costs gives one that records nothing.
/// </summary>
/// <remarks>
/// Both calls run on the write's session; an exception rolls the whole write back. An append
/// with <c>commit</c> may commit the transaction itself and then sets
/// <see cref="SqlSession.Committed"/>.
/// </remarks>
internal interface ILedgerAppender
{
    /// <summary>Keeps a write's canonical payload beside its entry, keyed by its digest.</summary>
    Task SavePayloadAsync(SqlSession session, string digest, byte[] payload);

    /// <summary>
    /// Appends <paramref name="entries"/> at contiguous indexes and returns the first. With
    /// <paramref name="commit"/>, the append is the transaction's last statement and may commit it.
    /// </summary>
    Task<long> AppendAsync(SqlSession session, IReadOnlyList<NewAuditEntry> entries, bool commit);
}
