INSERT INTO step_waivers (model_id, version, step, reason, expires_at, waived_by, waived_at)
VALUES (@modelId, @Version, @Step, @Reason, @ExpiresAt, @WaivedBy, @WaivedAt)
RETURNING waiver_id
