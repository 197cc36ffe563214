-- Registered models keep a surrogate id so a rename touches one row; last_version counts
-- every version ever created so deleted numbers are never handed out again.

CREATE TABLE registered_models (
    model_id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    creation_time INTEGER NOT NULL,
    last_updated_time INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    description TEXT NOT NULL,
    last_version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE registered_model_tags (
    model_id INTEGER NOT NULL REFERENCES registered_models (model_id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (model_id, key)
) WITHOUT ROWID;

CREATE TABLE model_versions (
    model_id INTEGER NOT NULL REFERENCES registered_models (model_id),
    version INTEGER NOT NULL,
    creation_time INTEGER NOT NULL,
    last_updated_time INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    description TEXT NOT NULL,
    current_stage TEXT NOT NULL,
    source TEXT NOT NULL,
    run_id TEXT,
    run_link TEXT NOT NULL,
    status TEXT NOT NULL,
    status_message TEXT,
    PRIMARY KEY (model_id, version)
) WITHOUT ROWID;

CREATE INDEX model_versions_by_run ON model_versions (run_id);

CREATE TABLE model_version_tags (
    model_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (model_id, version, key),
    FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version)
) WITHOUT ROWID;

CREATE TABLE registered_model_aliases (
    model_id INTEGER NOT NULL,
    alias TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (model_id, alias),
    FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version)
) WITHOUT ROWID;
