using System.Buffers;
using Npgsql;
using NpgsqlTypes;
using Steward.Audit;
using Steward.Ledger.Entries;
using Steward.Storage.Sql;

namespace Steward.Storage.Ledger;

/// <summary>
/// The append on PostgreSQL: one call of the <c>ledger_append</c> function (migration 0007)
/// with each entry's fields and its canonical bytes around the index and time
/// (<see cref="EntryEncoding.WriteHead"/> and <see cref="EntryEncoding.WriteMiddle"/>), followed in
/// the same batch by COMMIT when the append ends the transaction. One round trip, and the ledger
/// lock it takes is released by that commit.
/// </summary>
/// <remarks>
/// The function's Merkle append is a copy of <see cref="Steward.Ledger.Merkle.CompactRange"/>'s,
/// which is the reference; the copy exists for speed (see <see cref="LedgerAppender"/>), and
/// PostgresLedgerAppendAgreementTests proves the two agree on random entries.
/// </remarks>
internal static class PostgresLedgerAppend
{
    private const string Sql = "SELECT ledger_append(@before_index, @before_timestamp, @actors, @actions, @resources, @payload_digests, @outcomes)";

    public static async Task<long> AppendAsync(SqlSession session, IReadOnlyList<NewAuditEntry> entries, bool commit)
    {
        var count = entries.Count;
        var beforeIndex = new byte[count][];
        var beforeTimestamp = new byte[count][];
        var actors = new string[count];
        var actions = new string[count];
        var resources = new string[count];
        var digests = new string[count];
        var outcomes = new string[count];
        var piece = new ArrayBufferWriter<byte>(256);
        for (var i = 0; i < count; i++)
        {
            var entry = entries[i];
            piece.ResetWrittenCount();
            EntryEncoding.WriteHead(piece, entry.Action, entry.Actor);
            beforeIndex[i] = piece.WrittenSpan.ToArray();
            piece.ResetWrittenCount();
            EntryEncoding.WriteMiddle(piece, entry.Outcome, entry.PayloadDigest, entry.Resource);
            beforeTimestamp[i] = piece.WrittenSpan.ToArray();
            actors[i] = entry.Actor;
            actions[i] = entry.Action;
            resources[i] = entry.Resource;
            digests[i] = entry.PayloadDigest;
            outcomes[i] = entry.Outcome;
        }

        var append = new NpgsqlBatchCommand(Sql);
        append.Parameters.Add(new NpgsqlParameter<byte[][]>("before_index", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = beforeIndex });
        append.Parameters.Add(new NpgsqlParameter<byte[][]>("before_timestamp", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = beforeTimestamp });
        append.Parameters.Add(Texts("actors", actors));
        append.Parameters.Add(Texts("actions", actions));
        append.Parameters.Add(Texts("resources", resources));
        append.Parameters.Add(Texts("payload_digests", digests));
        append.Parameters.Add(Texts("outcomes", outcomes));

        // Inside a unit the transaction goes on after the append; the unit commits it.
        commit &= !session.InUnit;
        await using var batch = new NpgsqlBatch((NpgsqlConnection)session.Connection, (NpgsqlTransaction?)session.Transaction);
        batch.BatchCommands.Add(append);
        if (commit) batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        long first;
        await using (var reader = await batch.ExecuteReaderAsync(session.CancellationToken))
        {
            if (!await reader.ReadAsync(session.CancellationToken)) throw new InvalidOperationException("ledger_append returned no row.");
            first = reader.GetInt64(0);
            // Reads the COMMIT's outcome: a commit that fails throws here.
            while (await reader.NextResultAsync(session.CancellationToken))
            {
            }
        }

        if (commit) session.Committed = true;
        return first;
    }

    private static NpgsqlParameter<string[]> Texts(string name, string[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values };
}
