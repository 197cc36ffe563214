using Microsoft.Data.Sqlite;
using SQLitePCL;
using Steward.Audit;
using Steward.Ledger.Merkle;

namespace Steward.Storage.Ledger;

/// <summary>
/// The append's reads and writes on SQLite through its C API, on the writer connection inside
/// its open transaction, like the metric writer: per-statement ADO.NET overhead would
/// otherwise cost several times SQLite's own work for these few small rows.
/// </summary>
internal static class SqliteLedgerRows
{
    public static (long Size, byte[] Edge) ReadState(SqliteConnection connection)
    {
        var db = Handle(connection);
        Check(raw.sqlite3_prepare_v2(db, "SELECT tree_size, edge FROM ledger_state WHERE id = 1", out var statement), db);
        using (statement)
        {
            if (raw.sqlite3_step(statement) != raw.SQLITE_ROW)
            {
                throw new InvalidOperationException("The ledger_state row is missing: the ledger tables are damaged.");
            }

            return (raw.sqlite3_column_int64(statement, 0), raw.sqlite3_column_blob(statement, 1).ToArray());
        }
    }

    public static void Write(SqliteConnection connection, IReadOnlyList<AuditEntry> entries, IReadOnlyList<NodeId> ids, IReadOnlyList<byte[]> hashes, long size, byte[] edge)
    {
        var db = Handle(connection);
        Check(raw.sqlite3_prepare_v2(db, "INSERT INTO ledger_entries (seq, timestamp_ms, actor, action, resource, payload_digest, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", out var insert), db);
        using (insert)
        {
            foreach (var entry in entries)
            {
                Check(raw.sqlite3_bind_int64(insert, 1, entry.Index), db);
                Check(raw.sqlite3_bind_int64(insert, 2, entry.Timestamp.ToUnixTimeMilliseconds()), db);
                Check(raw.sqlite3_bind_text(insert, 3, entry.Actor), db);
                Check(raw.sqlite3_bind_text(insert, 4, entry.Action), db);
                Check(raw.sqlite3_bind_text(insert, 5, entry.Resource), db);
                Check(raw.sqlite3_bind_text(insert, 6, entry.PayloadDigest), db);
                Check(raw.sqlite3_bind_text(insert, 7, entry.Outcome), db);
                Step(insert, db);
                raw.sqlite3_reset(insert);
            }
        }

        Check(raw.sqlite3_prepare_v2(db, "INSERT INTO ledger_nodes (level, idx, hash) VALUES (?1, ?2, ?3)", out var node), db);
        using (node)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                Check(raw.sqlite3_bind_int(node, 1, ids[i].Level), db);
                Check(raw.sqlite3_bind_int64(node, 2, ids[i].Index), db);
                Check(raw.sqlite3_bind_blob(node, 3, hashes[i]), db);
                Step(node, db);
                raw.sqlite3_reset(node);
            }
        }

        Check(raw.sqlite3_prepare_v2(db, "UPDATE ledger_state SET tree_size = ?1, edge = ?2 WHERE id = 1", out var update), db);
        using (update)
        {
            Check(raw.sqlite3_bind_int64(update, 1, size), db);
            Check(raw.sqlite3_bind_blob(update, 2, edge), db);
            Step(update, db);
        }
    }

    private static sqlite3 Handle(SqliteConnection connection) =>
        connection.Handle ?? throw new InvalidOperationException("The SQLite writer connection is not open.");

    private static void Step(sqlite3_stmt statement, sqlite3 db)
    {
        var rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }
}
