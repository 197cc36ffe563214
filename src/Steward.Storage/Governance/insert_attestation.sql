INSERT INTO step_attestations (model_id, version, step, link, note, attested_by, attester_roles, attested_at)
VALUES (@modelId, @Version, @Step, @Link, @Note, @AttestedBy, @roles, @AttestedAt)
RETURNING attestation_id
