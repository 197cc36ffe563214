using System.Text;
using Dapper;
using Steward.Audit;
using Steward.Ledger.Merkle;
using Steward.Ledger.Signing;
using Steward.Storage.Sql;

namespace Steward.Storage.Ledger;

/// <summary>The audit ledger on SQLite or PostgreSQL; appends happen in <see cref="SqlDatabase.WriteAsync{T}(AuditedChange, Func{SqlSession, Task{T}}, CancellationToken)"/>.</summary>
internal sealed class SqlLedgerStore(SqlDatabase database) : ILedgerStore
{
    private const string EntryColumns = "seq, timestamp_ms, actor, action, resource, payload_digest, outcome";

    public async Task<LedgerReceipt> AppendAsync(AuditedChange change, CancellationToken cancellationToken)
    {
        await database.WriteAsync(change, _ => Task.FromResult(true), cancellationToken);
        return new LedgerReceipt(change);
    }

    public Task<long> AppendBatchAsync(IReadOnlyList<NewAuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return database.WriteWithoutEntryAsync(session => database.Ledger.AppendAsync(session, entries, commit: true), cancellationToken);
    }

    public Task<LedgerState> GetStateAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            var row = await session.FirstOrDefaultAsync<StateRow>("SELECT tree_size, edge FROM ledger_state WHERE id = 1")
                ?? throw new InvalidOperationException("The ledger_state row is missing: the ledger tables are damaged.");
            return new LedgerState(row.TreeSize, row.Edge);
        }, cancellationToken);

    public Task<byte[]> ReadNodesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0) return Task.FromResult(Array.Empty<byte>());
        var sql = new StringBuilder("SELECT level, idx, hash FROM ledger_nodes WHERE ");
        var args = new DynamicParameters();
        var distinct = nodes.Distinct().ToList();
        for (var i = 0; i < distinct.Count; i++)
        {
            sql.Append(i == 0 ? "" : " OR ").Append($"(level = @l{i} AND idx = @i{i})");
            args.Add($"l{i}", distinct[i].Level);
            args.Add($"i{i}", distinct[i].Index);
        }

        return database.ReadAsync(async session =>
        {
            var found = (await session.QueryAsync<NodeRow>(sql.ToString(), args))
                .ToDictionary(r => new NodeId(r.Level, r.Idx), r => r.Hash);
            var hashes = new byte[nodes.Count * MerkleHash.Size];
            for (var i = 0; i < nodes.Count; i++)
            {
                if (!found.TryGetValue(nodes[i], out var hash) || hash.Length != MerkleHash.Size)
                {
                    throw new KeyNotFoundException($"The ledger node {nodes[i]} is not stored: the ledger tables are damaged.");
                }

                hash.CopyTo(hashes, i * MerkleHash.Size);
            }

            return hashes;
        }, cancellationToken);
    }

    // Verification reads every node and entry of the log through the two lists below: their
    // rows are read by position, which cost half of what mapping them by name did.
    public Task<IReadOnlyList<StoredNode>> ListNodesAsync(int level, long fromIndex, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            await using var reader = await session.ReaderAsync(
                "SELECT idx, hash FROM ledger_nodes WHERE level = @level AND idx >= @fromIndex ORDER BY idx LIMIT @limit",
                new { level, fromIndex, limit });
            var nodes = new List<StoredNode>(Math.Min(limit, 10_000));
            while (await reader.ReadAsync(cancellationToken))
            {
                nodes.Add(new StoredNode(new NodeId(level, reader.GetInt64(0)), reader.GetFieldValue<byte[]>(1)));
            }

            return (IReadOnlyList<StoredNode>)nodes;
        }, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListEntriesAsync(AuditEntryQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {EntryColumns} FROM ledger_entries WHERE seq >= @Start");
        var args = new DynamicParameters();
        args.Add("Start", query.Start);
        args.Add("Limit", query.Limit);
        if (query.End is { } end)
        {
            sql.Append(" AND seq < @End");
            args.Add("End", end);
        }

        if (!string.IsNullOrEmpty(query.Resource))
        {
            // The resource itself or anything below it: "x/" <= r < "x0" ('0' follows '/'), which
            // both databases answer from the (resource, seq) index in byte order.
            sql.Append(" AND (resource = @Resource OR (resource >= @Below AND resource < @After))");
            args.Add("Resource", query.Resource);
            args.Add("Below", query.Resource + "/");
            args.Add("After", query.Resource + "0");
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            sql.Append(" AND actor = @Actor");
            args.Add("Actor", query.Actor);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            sql.Append(" AND action = @Action");
            args.Add("Action", query.Action);
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND timestamp_ms >= @Since");
            args.Add("Since", since.ToUnixTimeMilliseconds());
        }

        if (query.Until is { } until)
        {
            sql.Append(" AND timestamp_ms < @Until");
            args.Add("Until", until.ToUnixTimeMilliseconds());
        }

        sql.Append(" ORDER BY seq LIMIT @Limit");
        return database.ReadAsync(async session =>
        {
            await using var reader = await session.ReaderAsync(sql.ToString(), args);
            var entries = new List<AuditEntry>(Math.Min(query.Limit, 10_000));
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new AuditEntry(
                    reader.GetInt64(0),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6)));
            }

            return (IReadOnlyList<AuditEntry>)entries;
        }, cancellationToken);
    }

    public Task SaveHeadAsync(SignedTreeHead head, CancellationToken cancellationToken) =>
        database.WriteWithoutEntryAsync(session => session.ExecuteAsync(
            "INSERT INTO ledger_heads (tree_size, root_hash, timestamp_ms, signature, public_key) VALUES (@TreeSize, @RootHash, @TimestampMs, @Signature, @PublicKey)",
            new
            {
                head.Head.TreeSize,
                head.Head.RootHash,
                TimestampMs = head.Head.Timestamp.ToUnixTimeMilliseconds(),
                head.Signature,
                head.PublicKey,
            }), cancellationToken);

    public Task<SignedTreeHead?> GetLatestHeadAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
            (await session.FirstOrDefaultAsync<HeadRow>(
                "SELECT tree_size, root_hash, timestamp_ms, signature, public_key FROM ledger_heads ORDER BY tree_size DESC, timestamp_ms DESC LIMIT 1"))?.ToHead(),
            cancellationToken);

    public Task<IReadOnlyList<SignedTreeHead>> ListHeadsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
            (IReadOnlyList<SignedTreeHead>)(await session.QueryAsync<HeadRow>(
                "SELECT tree_size, root_hash, timestamp_ms, signature, public_key FROM ledger_heads ORDER BY tree_size, timestamp_ms"))
            .Select(r => r.ToHead()).ToList(),
            cancellationToken);

    public Task<IReadOnlyDictionary<string, byte[]>> ReadPayloadsAsync(IReadOnlyCollection<string> digests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digests);
        return database.ReadAsync(async session =>
        {
            var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var chunk in digests.Distinct().Chunk(500))
            {
                var names = string.Join(", ", chunk.Select((_, i) => $"@d{i}"));
                var args = new DynamicParameters();
                for (var i = 0; i < chunk.Length; i++) args.Add($"d{i}", chunk[i]);
                await using var reader = await session.ReaderAsync($"SELECT digest, payload FROM ledger_payloads WHERE digest IN ({names})", args);
                while (await reader.ReadAsync(cancellationToken)) found[reader.GetString(0)] = reader.GetFieldValue<byte[]>(1);
            }

            return (IReadOnlyDictionary<string, byte[]>)found;
        }, cancellationToken);
    }

    public Task<byte[]?> GetSigningKeyAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.FirstOrDefaultAsync<byte[]?>("SELECT public_key FROM ledger_key WHERE id = 1"), cancellationToken);

    public Task<byte[]> RecordSigningKeyAsync(byte[] publicKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return database.WriteWithoutEntryAsync(async session =>
        {
            // ON CONFLICT DO NOTHING in both dialects: the first key recorded stays.
            await session.ExecuteAsync(
                "INSERT INTO ledger_key (id, key_id, public_key, recorded_at) VALUES (1, @KeyId, @PublicKey, @Now) ON CONFLICT (id) DO NOTHING",
                new { KeyId = TreeHeadVerifier.KeyIdOf(publicKey), PublicKey = publicKey, Now = database.Clock.GetUtcNow().ToUnixTimeMilliseconds() });
            return (await session.FirstOrDefaultAsync<byte[]>("SELECT public_key FROM ledger_key WHERE id = 1"))!;
        }, cancellationToken);
    }

    private sealed class StateRow
    {
        public long TreeSize { get; set; }

        public byte[] Edge { get; set; } = [];
    }

    private sealed class NodeRow
    {
        public int Level { get; set; }

        public long Idx { get; set; }

        public byte[] Hash { get; set; } = [];
    }

    private sealed class HeadRow
    {
        public long TreeSize { get; set; }

        public byte[] RootHash { get; set; } = [];

        public long TimestampMs { get; set; }

        public byte[] Signature { get; set; } = [];

        public byte[] PublicKey { get; set; } = [];

        public SignedTreeHead ToHead() =>
            new(new TreeHead(TreeSize, RootHash, DateTimeOffset.FromUnixTimeMilliseconds(TimestampMs)), Signature, PublicKey);
    }
}
