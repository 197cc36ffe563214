-- Experiments, runs and what runs log. Rows a run owns reference it by run_key, an integer
-- surrogate of the 32-character run_uuid, which keeps the keys of the big tables narrow.
-- Metric values that are NaN are stored as 0 with is_nan = 1 (SQLite would turn NaN into
-- NULL); ±Infinity is stored as itself.

CREATE TABLE experiments (
    experiment_id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    artifact_location TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL,
    creation_time INTEGER NOT NULL,
    last_update_time INTEGER NOT NULL
);

-- Ids continue from 1: AUTOINCREMENT starts after the largest id ever used.
INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
VALUES (0, 'Default', 'mlflow-artifacts:/0', 'active',
        CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));

CREATE TABLE experiment_tags (
    experiment_id INTEGER NOT NULL REFERENCES experiments (experiment_id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (experiment_id, key)
) WITHOUT ROWID;

-- AUTOINCREMENT: a run_key is never handed out twice, so rows left by a removed run could
-- never be taken for another's.
CREATE TABLE runs (
    run_key INTEGER PRIMARY KEY AUTOINCREMENT,
    run_uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    experiment_id INTEGER NOT NULL REFERENCES experiments (experiment_id),
    user_id TEXT NOT NULL,
    status TEXT NOT NULL,
    start_time INTEGER NOT NULL,
    end_time INTEGER,
    artifact_uri TEXT NOT NULL,
    lifecycle_stage TEXT NOT NULL,
    deleted_time INTEGER
);

CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time, run_uuid);

-- Every point; the key order serves get-history and makes identical points collide.
-- No foreign key: the store checks the run in the same transaction, and a per-row check
-- would slow the hottest insert in Steward.
CREATE TABLE metrics (
    run_key INTEGER NOT NULL,
    key TEXT NOT NULL,
    step INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    value REAL NOT NULL,
    is_nan INTEGER NOT NULL,
    PRIMARY KEY (run_key, key, step, timestamp, value, is_nan)
) WITHOUT ROWID;

-- The greatest (step, timestamp, value) point per key, kept in the same transaction.
CREATE TABLE latest_metrics (
    run_key INTEGER NOT NULL,
    key TEXT NOT NULL,
    value REAL NOT NULL,
    timestamp INTEGER NOT NULL,
    step INTEGER NOT NULL,
    is_nan INTEGER NOT NULL,
    PRIMARY KEY (run_key, key)
) WITHOUT ROWID;

-- Serves metric filters and, above all, ordering runs by a metric: a search reads this index
-- in value order and stops once it has a page.
CREATE INDEX latest_metrics_by_value ON latest_metrics (key, is_nan, value, run_key);

CREATE TABLE params (
    run_key INTEGER NOT NULL REFERENCES runs (run_key),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_key, key)
) WITHOUT ROWID;

CREATE INDEX params_by_value ON params (key, value, run_key);

CREATE TABLE tags (
    run_key INTEGER NOT NULL REFERENCES runs (run_key),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_key, key)
) WITHOUT ROWID;

CREATE TABLE datasets (
    dataset_uuid TEXT PRIMARY KEY,
    experiment_id INTEGER NOT NULL REFERENCES experiments (experiment_id),
    name TEXT NOT NULL,
    digest TEXT NOT NULL,
    source_type TEXT NOT NULL,
    source TEXT NOT NULL,
    dataset_schema TEXT,
    profile TEXT,
    UNIQUE (experiment_id, name, digest)
);

CREATE TABLE run_inputs (
    run_key INTEGER NOT NULL REFERENCES runs (run_key),
    dataset_uuid TEXT NOT NULL REFERENCES datasets (dataset_uuid),
    PRIMARY KEY (run_key, dataset_uuid)
) WITHOUT ROWID;

CREATE TABLE input_tags (
    run_key INTEGER NOT NULL,
    dataset_uuid TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (run_key, dataset_uuid, key),
    FOREIGN KEY (run_key, dataset_uuid) REFERENCES run_inputs (run_key, dataset_uuid)
) WITHOUT ROWID;
