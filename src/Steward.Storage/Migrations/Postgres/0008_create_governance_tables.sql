-- Governance: the model risk registry (records and reviews), filed scorecards, compliance
-- checklist answers, model card revisions, and the versioned configuration files (scorecard
-- configuration, checklist templates). Rows are keyed by the model's surrogate model_id, so a
-- rename keeps them attached; no foreign keys to the registry, so the evidence outlives a deleted
-- version or model (as its ledger entries do). Lists are JSON text.

CREATE TABLE governance_documents (
    kind TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    version INTEGER NOT NULL,
    content TEXT COLLATE "C" NOT NULL,
    sha256 TEXT COLLATE "C" NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (kind, name, version)
);

CREATE TABLE governance_records (
    model_id BIGINT PRIMARY KEY,
    owner TEXT COLLATE "C" NOT NULL,
    domain TEXT COLLATE "C" NOT NULL,
    purpose TEXT COLLATE "C" NOT NULL,
    intended_use TEXT COLLATE "C" NOT NULL,
    affected_parties TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    checklists TEXT COLLATE "C" NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at BIGINT NOT NULL,
    updated_by TEXT COLLATE "C" NOT NULL,
    updated_at BIGINT NOT NULL,
    last_review_id BIGINT
);

CREATE TABLE governance_reviews (
    review_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id BIGINT NOT NULL,
    reviewed_at BIGINT NOT NULL,
    reviewer TEXT COLLATE "C" NOT NULL,
    outcome TEXT COLLATE "C" NOT NULL,
    notes TEXT COLLATE "C" NOT NULL
);

CREATE INDEX governance_reviews_by_model ON governance_reviews (model_id, review_id);

-- The score is kept as decimal text: points are exact decimals and must read back exactly.
CREATE TABLE scorecards (
    scorecard_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    score TEXT COLLATE "C" NOT NULL,
    tier TEXT COLLATE "C" NOT NULL,
    tier_from_score TEXT COLLATE "C" NOT NULL,
    raised_by TEXT COLLATE "C" NOT NULL,
    factors TEXT COLLATE "C" NOT NULL,
    config_version INTEGER NOT NULL,
    config_sha256 TEXT COLLATE "C" NOT NULL,
    filed_by TEXT COLLATE "C" NOT NULL,
    filed_at BIGINT NOT NULL
);

CREATE INDEX scorecards_by_version ON scorecards (model_id, version, scorecard_id);

CREATE TABLE checklist_answers (
    model_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    checklist TEXT COLLATE "C" NOT NULL,
    item TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    evidence TEXT COLLATE "C" NOT NULL,
    note TEXT COLLATE "C" NOT NULL,
    answered_by TEXT COLLATE "C" NOT NULL,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (model_id, version, checklist, item)
);

CREATE TABLE model_cards (
    model_id BIGINT NOT NULL,
    version INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    sections TEXT COLLATE "C" NOT NULL,
    edited_by TEXT COLLATE "C" NOT NULL,
    edited_at BIGINT NOT NULL,
    PRIMARY KEY (model_id, version, revision)
);
