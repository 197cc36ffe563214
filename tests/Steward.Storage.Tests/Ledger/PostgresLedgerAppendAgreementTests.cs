using Npgsql;
using Steward.Audit;
using Steward.Ledger.Entries;
using Steward.Ledger.Merkle;
using Steward.Storage.Ledger;
using Steward.Storage.Sql;
using Steward.Storage.Tests.Support;
using Steward.Tests.Support;

namespace Steward.Storage.Tests.Ledger;

/// <summary>
/// PostgreSQL appends with the <c>ledger_append</c> function, a copy kept for speed of the
/// reference append (<see cref="EntryEncoding"/> and <see cref="CompactRange"/>, which SQLite and
/// every verifier use). On random entries, batch sizes and times, appended in sequence, the copy
/// must store what the reference computes: the same entry bytes (through their leaf hashes), every
/// completed subtree, the same size and edge, and so the same root.
/// </summary>
/// <remarks>
/// The function reads its time from <c>clock_timestamp()</c>; the test's connection puts a schema
/// first on its search_path whose <c>clock_timestamp()</c> returns a time the test chooses, so
/// the function's own body runs unchanged on random times.
/// </remarks>
public sealed class PostgresLedgerAppendAgreementTests
{
    private const string FakeClock = """
        CREATE SCHEMA agreement_clock;
        CREATE FUNCTION agreement_clock.clock_timestamp() RETURNS timestamptz
            LANGUAGE sql AS $$ SELECT current_setting('agreement.now')::timestamptz $$;
        """;

    // DateTimeOffset's range: entries carry four-digit years.
    private static readonly long MinMicros = DateTimeOffset.MinValue.ToUnixTimeMilliseconds() * 1000;
    private static readonly long MaxMicros = (DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() * 1000) + 999;

    [SkippableFact]
    public Task the_function_builds_the_reference_log_from_empty() => AgreeAsync(seed: 9162, startSize: 0, batches: 80);

    [SkippableFact]
    public Task the_function_agrees_with_the_reference_deep_in_a_large_log() =>
        // Many trailing one bits: the first appends merge up through a tall edge; 16-digit indexes.
        AgreeAsync(seed: 6962, startSize: (1L << 52) - 77, batches: 40);

    private static async Task AgreeAsync(int seed, long startSize, int batches)
    {
        Skip.If(Environment.GetEnvironmentVariable(TestPostgres.Variable) is not { Length: > 0 },
            $"{TestPostgres.Variable} is not set, so the PostgreSQL ledger_append function was not compared with the reference; ./scripts/test.sh starts a PostgreSQL server and sets it.");
        var fixture = new PostgresFixture();
        await fixture.InitializeAsync();
        try
        {
            var random = new Random(seed);
            await using var connection = new NpgsqlConnection(fixture.Options.PostgresConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, FakeClock);
            await ExecuteAsync(connection, "SET search_path = agreement_clock, public, pg_catalog");

            var reference = await StartAsync(connection, random, startSize);
            var nodes = new Dictionary<NodeId, byte[]>();
            var sink = new Collector(nodes);
            for (var b = 0; b < batches; b++)
            {
                var entries = Enumerable.Range(0, BatchSize(random)).Select(_ => RandomEntries.Entry(random)).ToList();
                var micros = random.Next(4) == 0 ? random.NextInt64(MinMicros, MaxMicros) : random.NextInt64(0, 4_102_444_800_000_000);
                var time = DateTimeOffset.FromUnixTimeMilliseconds(Math.DivRem(micros, 1000, out var rest) - (rest < 0 ? 1 : 0));
                await ExecuteAsync(connection, $"SELECT set_config('agreement.now', '{Timestamp(micros)}', false)");

                var first = await AppendAsync(connection, entries);

                Assert.Equal(reference.Size, first);
                var leaves = new List<byte[]>();
                foreach (var (entry, i) in entries.Select((e, i) => (e, i)))
                {
                    var bytes = EntryEncoding.Encode(first + i, time, entry.Actor, entry.Action, entry.Resource, entry.PayloadDigest, entry.Outcome);
                    leaves.Add(MerkleHash.HashLeaf(bytes));
                    reference.AppendEntry(bytes, sink);
                }

                await AssertBatchAsync(connection, entries, first, time, leaves);
                await AssertStateAsync(connection, reference, nodes, startSize);
            }

            await AssertNodesAsync(connection, nodes, reference, startSize);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    /// <summary>Mostly single entries, as writes append them; sometimes none, a few, or a large batch.</summary>
    private static int BatchSize(Random random) => random.Next(10) switch
    {
        0 => 0,
        < 5 => 1,
        < 8 => random.Next(2, 9),
        8 => random.Next(9, 70),
        _ => random.Next(70, 300),
    };

    /// <summary>Sets the log to <paramref name="size"/> entries with a random edge (no rows below it), and returns the reference range.</summary>
    private static async Task<CompactRange> StartAsync(NpgsqlConnection connection, Random random, long size)
    {
        var edge = new byte[CompactRange.EdgeNodes(size).Count * MerkleHash.Size];
        random.NextBytes(edge);
        await using var command = new NpgsqlCommand("UPDATE ledger_state SET tree_size = @size, edge = @edge WHERE id = 1", connection);
        command.Parameters.AddWithValue("size", size);
        command.Parameters.AddWithValue("edge", edge);
        await command.ExecuteNonQueryAsync();
        return CompactRange.Restore(size, edge);
    }

    /// <summary>The append exactly as writes send it: one ledger_append call with the COMMIT.</summary>
    private static async Task<long> AppendAsync(NpgsqlConnection connection, List<NewAuditEntry> entries)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var session = new SqlSession(connection, transaction, PostgresDialect.Instance, CancellationToken.None);
        var first = await PostgresLedgerAppend.AppendAsync(session, entries, commit: true);
        Assert.True(session.Committed);
        return first;
    }

    private static async Task AssertBatchAsync(NpgsqlConnection connection, List<NewAuditEntry> entries, long first, DateTimeOffset time, List<byte[]> leaves)
    {
        var rows = new List<AuditEntry>();
        await using (var command = new NpgsqlCommand(
            "SELECT seq, timestamp_ms, actor, action, resource, payload_digest, outcome FROM ledger_entries WHERE seq >= @first ORDER BY seq", connection))
        {
            command.Parameters.AddWithValue("first", first);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new AuditEntry(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            }
        }

        Assert.Equal(entries.Select((e, i) => new AuditEntry(first + i, time, e.Actor, e.Action, e.Resource, e.PayloadDigest, e.Outcome)), rows);
        var stored = await NodesAsync(connection, "level = 0 AND idx >= @first", first);
        Assert.Equal(entries.Count, stored.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            // The leaf the function hashed is the leaf of the bytes the reference writes.
            Assert.Equal(Convert.ToHexStringLower(leaves[i]), Convert.ToHexStringLower(stored[new NodeId(0, first + i)]));
            Assert.Equal(leaves[i], MerkleHash.HashLeaf(rows[i].ToLeafBytes()));
        }
    }

    private static async Task AssertStateAsync(NpgsqlConnection connection, CompactRange reference, Dictionary<NodeId, byte[]> nodes, long startSize)
    {
        long size;
        byte[] edge;
        await using (var command = new NpgsqlCommand("SELECT tree_size, edge FROM ledger_state WHERE id = 1", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            size = reader.GetInt64(0);
            edge = reader.GetFieldValue<byte[]>(1);
        }

        Assert.Equal(reference.Size, size);
        // Each edge node is one the reference completed, or (below the start) one of the random start edge's.
        var expected = CompactRange.EdgeNodes(size).Select(n => nodes.TryGetValue(n, out var hash) ? hash : null).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] is { } hash) Assert.Equal(hash, edge.AsSpan(i * MerkleHash.Size, MerkleHash.Size).ToArray());
            else Assert.True(startSize > 0, "every edge node of a log begun empty was appended");
        }

        Assert.Equal(reference.RootHash(), CompactRange.Restore(size, edge).RootHash());
    }

    private static async Task AssertNodesAsync(NpgsqlConnection connection, Dictionary<NodeId, byte[]> nodes, CompactRange reference, long startSize)
    {
        var stored = await NodesAsync(connection, "TRUE", 0);
        Assert.Equal(nodes.Count, stored.Count);
        foreach (var (node, hash) in nodes) Assert.Equal(hash, stored[node]);
        if (startSize > 0) return;

        // Roots of every earlier size, from the function's nodes, are the reference's.
        var source = new InMemoryNodeSource();
        foreach (var (node, hash) in stored.OrderBy(n => n.Key.Level).ThenBy(n => n.Key.Index)) source.Add(node, hash);
        var replay = new CompactRange();
        for (var size = 1L; size <= reference.Size; size++)
        {
            replay.Append(source.Read(new NodeId(0, size - 1)));
            if (size % 37 == 0 || size == reference.Size) Assert.Equal(replay.RootHash(), MerkleTree.RootHash(source, size));
        }

        Assert.Equal(reference.RootHash(), replay.RootHash());
    }

    private static async Task<Dictionary<NodeId, byte[]>> NodesAsync(NpgsqlConnection connection, string where, long first)
    {
        await using var command = new NpgsqlCommand($"SELECT level, idx, hash FROM ledger_nodes WHERE {where}", connection);
        command.Parameters.AddWithValue("first", first);
        await using var reader = await command.ExecuteReaderAsync();
        var nodes = new Dictionary<NodeId, byte[]>();
        while (await reader.ReadAsync()) nodes.Add(new NodeId(reader.GetInt32(0), reader.GetInt64(1)), reader.GetFieldValue<byte[]>(2));
        return nodes;
    }

    private static string Timestamp(long micros)
    {
        var time = DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
        return time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture) + "+00";
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Collector(Dictionary<NodeId, byte[]> nodes) : INodeSink
    {
        public void Add(NodeId node, ReadOnlySpan<byte> hash) => nodes.Add(node, hash.ToArray());
    }
}
