SELECT t.attestation_id, rm.name AS model_name, t.version, t.step, t.link, t.note, t.attested_by, t.attester_roles, t.attested_at
FROM step_attestations t JOIN registered_models rm ON rm.model_id = t.model_id
WHERE rm.name = @modelName AND t.version = @version
ORDER BY t.attestation_id
