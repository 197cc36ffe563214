SELECT rm.name AS model_name, a.version, a.checklist, a.item, a.status, a.evidence, a.note, a.answered_by, a.answered_at
FROM checklist_answers a JOIN registered_models rm ON rm.model_id = a.model_id
WHERE rm.name = @modelName AND a.version = @version
ORDER BY a.checklist, a.item
