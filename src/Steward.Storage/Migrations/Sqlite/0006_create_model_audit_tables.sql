-- Audits of model versions (fairness, drift, evaluation) kept as governance evidence. The report
-- is kept whole as JSON text; verdict and summary are columns because gates and lists read them.
-- No foreign key to model_versions: evidence outlives a deleted version (its ledger entry does
-- too), and model_id is the surrogate key, so a rename keeps the audits attached.
CREATE TABLE model_audits (
    audit_id INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id INTEGER NOT NULL,
    model_name TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    data_source TEXT NOT NULL,
    settings TEXT NOT NULL,
    report TEXT NOT NULL,
    verdict TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);

CREATE INDEX model_audits_by_version ON model_audits (model_id, version, kind, audit_id);
