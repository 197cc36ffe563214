using Microsoft.Data.Sqlite;
using Steward.Audit;
using Steward.Ledger.Entries;
using Steward.Ledger.Merkle;
using Steward.Storage.Sql;

namespace Steward.Storage.Ledger;

/// <summary>
/// Appends ledger entries inside the caller's write transaction, as its last step: reads the
/// size and edge from the single <c>ledger_state</c> row, extends the tree, and writes the
/// entries, the perfect subtrees they complete and the new state.
/// </summary>
/// <remarks>
/// <para>
/// On SQLite the one writer connection already serializes appends and the work is done here,
/// with <see cref="EntryEncoding"/> and <see cref="CompactRange"/>: the reference
/// implementation of the entry bytes and of the append, and the time from the injected clock.
/// </para>
/// <para>
/// On PostgreSQL the <c>ledger_append</c> function (migration 0007) does it in the server, under
/// the row lock of ledger_state that makes servers sharing the database append one after the
/// other, with the COMMIT in the same batch (<see cref="PostgresLedgerAppend"/>): the lock is
/// held for that statement and the commit, never across a round trip to this process. That
/// function is a copy of the reference's Merkle append kept for speed (measured: with the lock
/// held across a round trip instead, concurrent single appends from 4 and 8 writers were a
/// quarter slower, 11–43 % over five paired runs), and its
/// time is the database server's clock, read under the lock so that entry times follow the log's
/// order whichever server appends. PostgresLedgerAppendAgreementTests proves the copy builds the
/// reference's entry bytes, nodes, state and root on random entries.
/// </para>
/// </remarks>
internal sealed class LedgerAppender(TimeProvider time) : ILedgerAppender
{
    /// <inheritdoc/>
    public Task SavePayloadAsync(SqlSession session, string digest, byte[] payload) => LedgerPayloads.SaveAsync(session, digest, payload);

    /// <inheritdoc/>
    public Task<long> AppendAsync(SqlSession session, IReadOnlyList<NewAuditEntry> entries, bool commit) =>
        session.Connection is SqliteConnection sqlite
            ? Task.FromResult(AppendOnSqlite(sqlite, entries, session.CancellationToken))
            : PostgresLedgerAppend.AppendAsync(session, entries, commit);

    private long AppendOnSqlite(SqliteConnection connection, IReadOnlyList<NewAuditEntry> entries, CancellationToken cancellationToken)
    {
        var (size, oldEdge) = SqliteLedgerRows.ReadState(connection);
        if (entries.Count == 0) return size;
        var range = CompactRange.Restore(size, oldEdge);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var nodes = new NodeCollector(2 * entries.Count + 64);
        var appended = new AuditEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = entries[i];
            appended[i] = new AuditEntry(size + i, now, entry.Actor, entry.Action, entry.Resource, entry.PayloadDigest, entry.Outcome);
            range.AppendEntry(appended[i].ToLeafBytes(), nodes);
        }

        SqliteLedgerRows.Write(connection, appended, nodes.Ids, nodes.Hashes, range.Size, NewEdge(size, oldEdge, nodes, range.Size));
        return size;
    }

    /// <summary>
    /// The edge after an append: each edge node of the new size is either an edge node of the
    /// old size (its hash is in the old edge) or a node the append just completed.
    /// </summary>
    private static byte[] NewEdge(long oldSize, byte[] oldEdge, NodeCollector created, long newSize)
    {
        var newNodes = CompactRange.EdgeNodes(newSize);
        var known = new Dictionary<NodeId, byte[]>();
        var oldNodes = CompactRange.EdgeNodes(oldSize);
        for (var i = 0; i < oldNodes.Count; i++) known[oldNodes[i]] = oldEdge.AsSpan(i * MerkleHash.Size, MerkleHash.Size).ToArray();
        var wanted = newNodes.ToHashSet();
        for (var i = 0; i < created.Count; i++)
        {
            if (wanted.Contains(created.Ids[i])) known[created.Ids[i]] = created.Hashes[i];
        }

        var edge = new byte[newNodes.Count * MerkleHash.Size];
        for (var i = 0; i < newNodes.Count; i++) known[newNodes[i]].CopyTo(edge, i * MerkleHash.Size);
        return edge;
    }

    private sealed class NodeCollector(int capacity) : INodeSink
    {
        public List<NodeId> Ids { get; } = new(capacity);

        public List<byte[]> Hashes { get; } = new(capacity);

        public int Count => Ids.Count;

        public void Add(NodeId node, ReadOnlySpan<byte> hash)
        {
            Ids.Add(node);
            Hashes.Add(hash.ToArray());
        }
    }
}
