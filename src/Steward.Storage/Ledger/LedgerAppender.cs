using System.Collections.Concurrent;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Steward.Audit;
using Steward.Ledger.Merkle;
using Steward.Storage.Sql;

namespace Steward.Storage.Ledger;

/// <summary>
/// Appends one ledger entry inside the caller's write transaction: locks the single
/// <c>ledger_state</c> row (PostgreSQL; SQLite's one writer already serializes), extends the
/// tree from the edge stored there, and writes the entry, the perfect subtrees it completes
/// and the new state in one batch. The lock is taken last, just before commit, so appends
/// across servers queue only for the few statements that follow.
/// </summary>
internal static class LedgerAppender
{
    private static readonly ConcurrentDictionary<(string Dialect, int Nodes), string> Batches = new();

    public static async Task<AuditEntry> AppendAsync(SqlSession session, AuditScope scope, string resource)
    {
        var sqlite = session.Connection as SqliteConnection;
        var (size, oldEdge) = sqlite is not null ? SqliteLedgerRows.ReadState(sqlite) : await ReadStateAsync(session);
        var range = CompactRange.Restore(size, oldEdge);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var entry = new AuditEntry(size, now, scope.Actor, scope.Action, resource, scope.PayloadDigest, scope.Outcome);

        var nodes = new NodeCollector();
        range.AppendEntry(entry.ToLeafBytes(), nodes);
        var edge = NewEdge(size, oldEdge, nodes, range.Size);
        if (sqlite is not null)
        {
            SqliteLedgerRows.Write(sqlite, entry, nodes.Ids, nodes.Hashes, range.Size, edge);
            return entry;
        }

        var args = new DynamicParameters();
        args.Add("Index", entry.Index);
        args.Add("TimestampMs", now.ToUnixTimeMilliseconds());
        args.Add("Actor", entry.Actor);
        args.Add("Action", entry.Action);
        args.Add("Resource", entry.Resource);
        args.Add("PayloadDigest", entry.PayloadDigest);
        args.Add("Outcome", entry.Outcome);
        for (var i = 0; i < nodes.Count; i++)
        {
            args.Add($"l{i}", nodes.Ids[i].Level);
            args.Add($"i{i}", nodes.Ids[i].Index);
            args.Add($"h{i}", nodes.Hashes[i]);
        }

        args.Add("size", range.Size);
        args.Add("edge", edge);
        await session.ExecuteAsync(Batch(session.Dialect, nodes.Count), args);
        return entry;
    }

    /// <summary>Reads the state row, locking it until commit where the dialect has row locks.</summary>
    private static async Task<(long Size, byte[] Edge)> ReadStateAsync(SqlSession session)
    {
        var state = await session.FirstOrDefaultAsync<StateRow>(SqlText.Get(session.Dialect, "Ledger.lock_ledger_state"))
            ?? throw new InvalidOperationException("The ledger_state row is missing: the ledger tables are damaged.");
        return (state.TreeSize, state.Edge);
    }

    /// <summary>
    /// The edge after an append: each edge node of the new size is either an edge node of the
    /// old size (its hash is in the old edge) or a node the append just completed.
    /// </summary>
    private static byte[] NewEdge(long oldSize, byte[] oldEdge, NodeCollector created, long newSize)
    {
        var known = new Dictionary<NodeId, byte[]>();
        var oldNodes = CompactRange.EdgeNodes(oldSize);
        for (var i = 0; i < oldNodes.Count; i++) known[oldNodes[i]] = oldEdge.AsSpan(i * MerkleHash.Size, MerkleHash.Size).ToArray();
        for (var i = 0; i < created.Count; i++) known[created.Ids[i]] = created.Hashes[i];
        var newNodes = CompactRange.EdgeNodes(newSize);
        var edge = new byte[newNodes.Count * MerkleHash.Size];
        for (var i = 0; i < newNodes.Count; i++) known[newNodes[i]].CopyTo(edge, i * MerkleHash.Size);
        return edge;
    }

    private static string Batch(SqlDialect dialect, int nodeCount) =>
        Batches.GetOrAdd((dialect.Name, nodeCount), key =>
        {
            var sql = new StringBuilder(SqlText.Get(dialect, "Ledger.insert_ledger_entry")).Append(";\n");
            sql.Append("INSERT INTO ledger_nodes (level, idx, hash) VALUES ");
            for (var i = 0; i < key.Nodes; i++) sql.Append(i == 0 ? "" : ", ").Append($"(@l{i}, @i{i}, @h{i})");
            sql.Append(";\nUPDATE ledger_state SET tree_size = @size, edge = @edge WHERE id = 1");
            return sql.ToString();
        });

    private sealed class StateRow
    {
        public long TreeSize { get; set; }

        public byte[] Edge { get; set; } = [];
    }

    private sealed class NodeCollector : INodeSink
    {
        public List<NodeId> Ids { get; } = new(4);

        public List<byte[]> Hashes { get; } = new(4);

        public int Count => Ids.Count;

        public void Add(NodeId node, ReadOnlySpan<byte> hash)
        {
            Ids.Add(node);
            Hashes.Add(hash.ToArray());
        }
    }
}
