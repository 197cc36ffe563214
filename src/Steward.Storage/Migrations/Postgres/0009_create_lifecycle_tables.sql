-- The lifecycle: approvals and rejections of versions, waivers and attestations of lifecycle
-- steps (rows only ever added; the ledger holds each with its inputs), and the stages versions
-- entered, which the "deployed to staging" step reads. Keyed by the model's surrogate model_id
-- like the other governance tables, without foreign keys so the evidence outlives a deletion.

CREATE TABLE version_approvals (
    approval_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    approver TEXT COLLATE "C" NOT NULL,
    approver_roles TEXT COLLATE "C" NOT NULL,
    decision TEXT COLLATE "C" NOT NULL,
    reason TEXT COLLATE "C" NOT NULL,
    tier TEXT COLLATE "C" NOT NULL,
    evidence_sha256 TEXT COLLATE "C" NOT NULL,
    evidence TEXT COLLATE "C" NOT NULL,
    decided_at BIGINT NOT NULL
);

CREATE INDEX version_approvals_by_version ON version_approvals (model_id, version, approval_id);

CREATE TABLE step_waivers (
    waiver_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    step TEXT COLLATE "C" NOT NULL,
    reason TEXT COLLATE "C" NOT NULL,
    expires_at BIGINT NOT NULL,
    waived_by TEXT COLLATE "C" NOT NULL,
    waived_at BIGINT NOT NULL
);

CREATE INDEX step_waivers_by_version ON step_waivers (model_id, version, waiver_id);

CREATE TABLE step_attestations (
    attestation_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    step TEXT COLLATE "C" NOT NULL,
    link TEXT COLLATE "C" NOT NULL,
    note TEXT COLLATE "C" NOT NULL,
    attested_by TEXT COLLATE "C" NOT NULL,
    attester_roles TEXT COLLATE "C" NOT NULL,
    attested_at BIGINT NOT NULL
);

CREATE INDEX step_attestations_by_version ON step_attestations (model_id, version, attestation_id);

CREATE TABLE model_version_stage_history (
    model_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    stage TEXT COLLATE "C" NOT NULL,
    entered_at BIGINT NOT NULL
);

CREATE INDEX model_version_stage_history_by_version ON model_version_stage_history (model_id, version, stage);
