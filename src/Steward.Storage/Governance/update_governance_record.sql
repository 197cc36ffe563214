UPDATE governance_records SET owner = @Owner, domain = @Domain, purpose = @Purpose, intended_use = @IntendedUse,
    affected_parties = @AffectedParties, target = @Target, status = @status, checklists = @checklists,
    updated_by = @UpdatedBy, updated_at = @UpdatedAt
WHERE model_id = @modelId
