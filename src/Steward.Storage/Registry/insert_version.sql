INSERT INTO model_versions (model_id, version, creation_time, last_updated_time, user_id, description,
                            current_stage, source, run_id, run_link, status, status_message)
VALUES (@ModelId, @Version, @Now, @Now, @UserId, @Description, @stage, @Source, @RunId, @RunLink, @status, NULL)
