-- The newest version of every file of a kind.
SELECT kind, name, version, content, sha256, created_by, created_at
FROM governance_documents d
WHERE kind = @kind AND version = (SELECT MAX(version) FROM governance_documents WHERE kind = d.kind AND name = d.name)
ORDER BY name
