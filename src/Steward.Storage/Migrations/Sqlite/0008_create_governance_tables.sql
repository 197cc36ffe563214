-- Governance: the model risk registry (records and reviews), filed scorecards, compliance
-- checklist answers, model card revisions, and the versioned configuration files (scorecard
-- configuration, checklist templates). Rows are keyed by the model's surrogate model_id, so a
-- rename keeps them attached; no foreign keys to the registry, so the evidence outlives a deleted
-- version or model (as its ledger entries do). Lists are JSON text.

CREATE TABLE governance_documents (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (kind, name, version)
) WITHOUT ROWID;

CREATE TABLE governance_records (
    model_id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    domain TEXT NOT NULL,
    purpose TEXT NOT NULL,
    intended_use TEXT NOT NULL,
    affected_parties TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    checklists TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    last_review_id INTEGER
);

CREATE TABLE governance_reviews (
    review_id INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id INTEGER NOT NULL,
    reviewed_at INTEGER NOT NULL,
    reviewer TEXT NOT NULL,
    outcome TEXT NOT NULL,
    notes TEXT NOT NULL
);

CREATE INDEX governance_reviews_by_model ON governance_reviews (model_id, review_id);

-- The score is kept as decimal text: points are exact decimals and must read back exactly.
CREATE TABLE scorecards (
    scorecard_id INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    score TEXT NOT NULL,
    tier TEXT NOT NULL,
    tier_from_score TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    factors TEXT NOT NULL,
    config_version INTEGER NOT NULL,
    config_sha256 TEXT NOT NULL,
    filed_by TEXT NOT NULL,
    filed_at INTEGER NOT NULL
);

CREATE INDEX scorecards_by_version ON scorecards (model_id, version, scorecard_id);

CREATE TABLE checklist_answers (
    model_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    checklist TEXT NOT NULL,
    item TEXT NOT NULL,
    status TEXT NOT NULL,
    evidence TEXT NOT NULL,
    note TEXT NOT NULL,
    answered_by TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (model_id, version, checklist, item)
) WITHOUT ROWID;

CREATE TABLE model_cards (
    model_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    sections TEXT NOT NULL,
    edited_by TEXT NOT NULL,
    edited_at INTEGER NOT NULL,
    PRIMARY KEY (model_id, version, revision)
) WITHOUT ROWID;
