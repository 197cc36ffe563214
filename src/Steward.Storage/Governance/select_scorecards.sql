-- Scorecards with their model's name; the caller appends WHERE and ORDER BY.
SELECT s.scorecard_id, rm.name AS model_name, s.version, s.score, s.tier, s.tier_from_score, s.raised_by, s.factors,
       s.config_version, s.config_sha256, s.filed_by, s.filed_at
FROM scorecards s JOIN registered_models rm ON rm.model_id = s.model_id
