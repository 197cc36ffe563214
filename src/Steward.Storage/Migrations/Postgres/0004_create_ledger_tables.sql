-- The audit ledger: one row per entry (its fields; the canonical bytes are rebuilt from them),
-- every perfect-subtree hash of the Merkle tree written once at append time (level 0 holds the
-- leaf hashes), the committed size with its edge hashes in one row that every append locks and
-- updates (so servers sharing the database append one after the other: no gaps, no forks),
-- and the signed tree heads the servers issued.

CREATE TABLE ledger_entries (
    seq BIGINT PRIMARY KEY,
    timestamp_ms BIGINT NOT NULL,
    actor TEXT COLLATE "C" NOT NULL,
    action TEXT COLLATE "C" NOT NULL,
    resource TEXT COLLATE "C" NOT NULL,
    payload_digest TEXT COLLATE "C" NOT NULL,
    outcome TEXT COLLATE "C" NOT NULL
);

-- Auditors ask first about a resource (a model and its versions, a run); actor, action and
-- time filters scan the index range or the entries in order. Each index costs every write.
CREATE INDEX ledger_entries_by_resource ON ledger_entries (resource, seq);

CREATE TABLE ledger_nodes (
    level INTEGER NOT NULL,
    idx BIGINT NOT NULL,
    hash BYTEA NOT NULL,
    PRIMARY KEY (level, idx)
);

CREATE TABLE ledger_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    tree_size BIGINT NOT NULL,
    edge BYTEA NOT NULL
);

INSERT INTO ledger_state (id, tree_size, edge) VALUES (1, 0, '\x'::bytea);

CREATE TABLE ledger_heads (
    head_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tree_size BIGINT NOT NULL,
    root_hash BYTEA NOT NULL,
    timestamp_ms BIGINT NOT NULL,
    signature BYTEA NOT NULL,
    public_key BYTEA NOT NULL
);

CREATE INDEX ledger_heads_by_size ON ledger_heads (tree_size, timestamp_ms);
