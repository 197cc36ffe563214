SELECT u.name FROM users u JOIN user_roles r ON r.user_name = u.name
WHERE u.enabled = 1 AND r.role = @role
ORDER BY u.name
{for_update}
