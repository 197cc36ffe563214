-- The audit ledger: one row per entry (its fields; the canonical bytes are rebuilt from them),
-- every perfect-subtree hash of the Merkle tree written once at append time (level 0 holds the
-- leaf hashes), the committed size with its edge hashes in one row that every append updates,
-- and the signed tree heads the server issued.

CREATE TABLE ledger_entries (
    seq INTEGER PRIMARY KEY,
    timestamp_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    resource TEXT NOT NULL,
    payload_digest TEXT NOT NULL,
    outcome TEXT NOT NULL
);

-- Auditors ask first about a resource (a model and its versions, a run); actor, action and
-- time filters scan the index range or the entries in order. Each index costs every write.
CREATE INDEX ledger_entries_by_resource ON ledger_entries (resource, seq);

CREATE TABLE ledger_nodes (
    level INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    hash BLOB NOT NULL,
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;

CREATE TABLE ledger_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    tree_size INTEGER NOT NULL,
    edge BLOB NOT NULL
);

INSERT INTO ledger_state (id, tree_size, edge) VALUES (1, 0, x'');

CREATE TABLE ledger_heads (
    head_id INTEGER PRIMARY KEY,
    tree_size INTEGER NOT NULL,
    root_hash BLOB NOT NULL,
    timestamp_ms INTEGER NOT NULL,
    signature BLOB NOT NULL,
    public_key BLOB NOT NULL
);

CREATE INDEX ledger_heads_by_size ON ledger_heads (tree_size, timestamp_ms);
