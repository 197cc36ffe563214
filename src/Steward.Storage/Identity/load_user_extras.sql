SELECT user_name, role FROM user_roles WHERE user_name {in @names} ORDER BY user_name, role;

SELECT user_name, domain FROM user_domains WHERE user_name {in @names} ORDER BY user_name, position;
