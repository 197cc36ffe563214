-- Appends ledger entries in one statement. Every append locks the ledger_state row until its
-- transaction commits, so appends are serialized: done from the application, the lock was held
-- across two round trips to it (read the state, send the rows and the new state, then
-- commit), and on a busy machine every append waited for the others' round trips. Here the
-- state is read, the tree extended and every row written in the server, and the caller sends
-- COMMIT in the same batch: the lock is held for this function and the commit alone.
--
-- A copy, kept for that speed, of the reference append in C#: Steward.Ledger's CompactRange
-- (the tree) and EntryEncoding (the entry bytes), which SQLite and every verifier use. Doing the
-- append in the application with the lock held across a round trip made concurrent single
-- appends a quarter slower. PostgresLedgerAppendAgreementTests proves this function stores the
-- reference's entry bytes, nodes, size, edge and root on random entries; change both together.
--
-- The tree is extended as Steward.Ledger's CompactRange does (RFC 9162): each leaf is
-- SHA-256(0x00 || entry bytes); each set low bit of the old size is an edge subtree the new
-- node completes into a parent, SHA-256(0x01 || left || right), stored as (level, idx). The
-- entry bytes are the canonical JSON the application computed (EntryEncoding's pieces), with
-- the two values only the log assigns spliced in:
-- before_index[i] || index || before_timestamp[i] || timestamp || '"}'.
-- The time is read after the lock, so times follow the order of the log. Returns the index of
-- the first entry.
CREATE FUNCTION ledger_append(
    before_index BYTEA[],
    before_timestamp BYTEA[],
    actors TEXT[],
    actions TEXT[],
    resources TEXT[],
    payload_digests TEXT[],
    outcomes TEXT[]) RETURNS BIGINT
LANGUAGE plpgsql AS $$
DECLARE
    first BIGINT;
    tree_size_now BIGINT;
    edge_now BYTEA;
    edge_count INTEGER;
    stamp TIMESTAMPTZ;
    stamp_text BYTEA;
    node BYTEA;
    level INTEGER;
    node_levels INTEGER[] := '{}';
    node_indexes BIGINT[] := '{}';
    node_hashes BYTEA[] := '{}';
BEGIN
    SELECT s.tree_size, s.edge INTO tree_size_now, edge_now FROM ledger_state s WHERE s.id = 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'The ledger_state row is missing: the ledger tables are damaged.';
    END IF;

    first := tree_size_now;
    edge_count := length(edge_now) / 32;
    stamp := date_trunc('milliseconds', clock_timestamp());
    stamp_text := convert_to(to_char(stamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'UTF8');

    FOR i IN 1 .. coalesce(cardinality(before_index), 0) LOOP
        node := sha256('\x00'::BYTEA || before_index[i] || convert_to(tree_size_now::TEXT, 'UTF8')
            || before_timestamp[i] || stamp_text || '\x227d'::BYTEA);
        node_levels := array_append(node_levels, 0);
        node_indexes := array_append(node_indexes, tree_size_now);
        node_hashes := array_append(node_hashes, node);
        level := 0;
        WHILE (tree_size_now >> level) & 1 = 1 LOOP
            edge_count := edge_count - 1;
            node := sha256('\x01'::BYTEA || substring(edge_now FROM edge_count * 32 + 1 FOR 32) || node);
            level := level + 1;
            node_levels := array_append(node_levels, level);
            node_indexes := array_append(node_indexes, tree_size_now >> level);
            node_hashes := array_append(node_hashes, node);
        END LOOP;
        edge_now := substring(edge_now FROM 1 FOR edge_count * 32) || node;
        edge_count := edge_count + 1;
        tree_size_now := tree_size_now + 1;
    END LOOP;

    INSERT INTO ledger_entries (seq, timestamp_ms, actor, action, resource, payload_digest, outcome)
    SELECT first + u.n - 1, (extract(epoch FROM stamp) * 1000)::BIGINT, u.actor, u.action, u.resource, u.payload_digest, u.outcome
    FROM unnest(actors, actions, resources, payload_digests, outcomes) WITH ORDINALITY AS u (actor, action, resource, payload_digest, outcome, n);

    INSERT INTO ledger_nodes (level, idx, hash)
    SELECT * FROM unnest(node_levels, node_indexes, node_hashes);

    UPDATE ledger_state SET tree_size = tree_size_now, edge = edge_now WHERE id = 1;
    RETURN first;
END;
$$;

-- Runs of an experiment newest first, MLflow's default order with its tie-breaker, so that a
-- default-order search walks this index and stops at a page (PostgresDialect.RunsByStartTime).
-- It also serves everything runs_by_experiment served: lookups by experiment.
CREATE INDEX runs_by_experiment_start_time ON runs (experiment_id, start_time DESC, run_uuid);
DROP INDEX runs_by_experiment;
