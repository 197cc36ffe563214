-- The model's row, locked until commit on PostgreSQL (SQLite's one writer is lock enough).
SELECT model_id FROM registered_models WHERE name = @name {for_update}
