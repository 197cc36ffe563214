-- Records with their last review; the caller appends WHERE and ORDER BY. The domain is the
-- model's (governance_records.domain keeps the value it had at the record's last write and is
-- not read: an admin's move of the model changes only registered_models.domain).
SELECT rm.name AS model_name, g.owner, rm.domain, g.purpose, g.intended_use, g.affected_parties, g.target, g.status, g.checklists,
       g.created_by, g.created_at, g.updated_by, g.updated_at,
       r.review_id, r.reviewed_at, r.reviewer, r.outcome, r.notes
FROM governance_records g
JOIN registered_models rm ON rm.model_id = g.model_id
LEFT JOIN governance_reviews r ON r.review_id = g.last_review_id
