-- The canonical payload of each write, keyed by the digest its ledger entry carries (so the
-- Merkle tree vouches for it), written in the write's transaction: the state of runs, models
-- and governance records can then be replayed from the ledger and compared with the tables.
-- Entries older than this table have only their digest.
CREATE TABLE ledger_payloads (
    digest TEXT NOT NULL PRIMARY KEY,
    payload BYTEA NOT NULL
);
