-- Every name a registered model has had, kept after the model is deleted. Ledger entries name
-- a model by its name at the time, so separation of duties finds a version's earlier writers
-- through the names its model (model_id, never reused) has had. Existing models start with
-- the name they have now and the names their audits were filed under (model_audits keeps the
-- name at the time); earlier renames left no other trace of the new name.

CREATE TABLE registered_model_names (
    model_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (model_id, name)
) WITHOUT ROWID;

CREATE INDEX registered_model_names_by_name ON registered_model_names (name, model_id);

INSERT INTO registered_model_names (model_id, name) SELECT model_id, name FROM registered_models;
INSERT OR IGNORE INTO registered_model_names (model_id, name) SELECT DISTINCT model_id, model_name FROM model_audits;
