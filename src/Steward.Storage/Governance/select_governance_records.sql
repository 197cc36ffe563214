-- Records with their last review; the caller appends WHERE and ORDER BY.
SELECT rm.name AS model_name, g.owner, g.domain, g.purpose, g.intended_use, g.affected_parties, g.target, g.status, g.checklists,
       g.created_by, g.created_at, g.updated_by, g.updated_at,
       r.review_id, r.reviewed_at, r.reviewer, r.outcome, r.notes
FROM governance_records g
JOIN registered_models rm ON rm.model_id = g.model_id
LEFT JOIN governance_reviews r ON r.review_id = g.last_review_id
