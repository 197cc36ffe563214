-- The lifecycle: approvals and rejections of versions, waivers and attestations of lifecycle
-- steps (rows only ever added; the ledger holds each with its inputs), and the stages versions
-- entered, which the "deployed to staging" step reads. Keyed by the model's surrogate model_id
-- like the other governance tables, without foreign keys so the evidence outlives a deletion.

CREATE TABLE version_approvals (
    approval_id INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    approver TEXT NOT NULL,
    approver_roles TEXT NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT NOT NULL,
    tier TEXT NOT NULL,
    evidence_sha256 TEXT NOT NULL,
    evidence TEXT NOT NULL,
    decided_at INTEGER NOT NULL
);

CREATE INDEX version_approvals_by_version ON version_approvals (model_id, version, approval_id);

CREATE TABLE step_waivers (
    waiver_id INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    step TEXT NOT NULL,
    reason TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    waived_by TEXT NOT NULL,
    waived_at INTEGER NOT NULL
);

CREATE INDEX step_waivers_by_version ON step_waivers (model_id, version, waiver_id);

CREATE TABLE step_attestations (
    attestation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    step TEXT NOT NULL,
    link TEXT NOT NULL,
    note TEXT NOT NULL,
    attested_by TEXT NOT NULL,
    attester_roles TEXT NOT NULL,
    attested_at INTEGER NOT NULL
);

CREATE INDEX step_attestations_by_version ON step_attestations (model_id, version, attestation_id);

CREATE TABLE model_version_stage_history (
    model_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    stage TEXT NOT NULL,
    entered_at INTEGER NOT NULL
);

CREATE INDEX model_version_stage_history_by_version ON model_version_stage_history (model_id, version, stage);
