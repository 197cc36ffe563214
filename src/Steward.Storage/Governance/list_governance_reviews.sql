SELECT rm.name AS model_name, r.review_id, r.reviewed_at, r.reviewer, r.outcome, r.notes
FROM governance_reviews r JOIN registered_models rm ON rm.model_id = r.model_id
WHERE rm.name = @modelName
ORDER BY r.review_id DESC
