-- The public key that signs this ledger's tree heads, recorded by the first server that signed
-- one: a server started with another key, or with none on a ledger that already has one,
-- refuses to start instead of signing heads of its own over it.
CREATE TABLE ledger_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key_id TEXT NOT NULL,
    public_key BYTEA NOT NULL,
    recorded_at BIGINT NOT NULL
);
