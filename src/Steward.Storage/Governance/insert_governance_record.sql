INSERT INTO governance_records (model_id, owner, domain, purpose, intended_use, affected_parties, target, status, checklists,
                                created_by, created_at, updated_by, updated_at, last_review_id)
VALUES (@modelId, @Owner, @Domain, @Purpose, @IntendedUse, @AffectedParties, @Target, @status, @checklists,
        @CreatedBy, @CreatedAt, @UpdatedBy, @UpdatedAt, NULL)
