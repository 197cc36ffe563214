INSERT INTO ledger_entries (seq, timestamp_ms, actor, action, resource, payload_digest, outcome)
VALUES (@Index, @TimestampMs, @Actor, @Action, @Resource, @PayloadDigest, @Outcome)
