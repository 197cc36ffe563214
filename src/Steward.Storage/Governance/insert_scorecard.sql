INSERT INTO scorecards (model_id, version, score, tier, tier_from_score, raised_by, factors, config_version, config_sha256, filed_by, filed_at)
VALUES (@modelId, @Version, @score, @tier, @tierFromScore, @raisedBy, @factors, @ConfigVersion, @ConfigSha256, @filedBy, @now)
RETURNING scorecard_id
