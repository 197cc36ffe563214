using System.Data.Common;
using Steward.Audit;
using Steward.Errors;
using Steward.Identity;
using Steward.Storage.Sql;

namespace Steward.Storage.Identity;

/// <summary>Users, their roles and domains, API tokens and domains on SQLite or PostgreSQL.</summary>
internal sealed partial class SqlIdentityStore(SqlDatabase database) : IIdentityStore
{
    // SQL: statements that differ by dialect, and any longer than a few lines, are embedded files
    // beside this class (Identity/*.sql, read with SqlText); short ones both dialects read alike
    // stay inline.
    private const string UserColumns = "name, display_name, email, enabled, password_hash, created_by, created_at, updated_at";
    private const string AdminRole = "admin";

    private SqlDialect Dialect => database.Dialect;

    public async Task<Domain> CreateDomainAsync(AuditedChange change, Domain domain, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(change, async session =>
            {
                if (await FindDomainAsync(session, domain.Name) is not null) throw DomainExists(domain.Name);
                await session.ExecuteAsync(
                    "INSERT INTO domains (name, description, created_by, created_at) VALUES (@Name, @Description, @CreatedBy, @CreatedAt)", domain);
                return domain;
            }, cancellationToken);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            throw DomainExists(domain.Name);
        }
    }

    public Task<Domain?> GetDomainAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(session => FindDomainAsync(session, name), cancellationToken);

    public Task<IReadOnlyList<Domain>> ListDomainsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Domain>>(async session =>
            (await session.QueryAsync<DomainRow>("SELECT name, description, created_by, created_at FROM domains ORDER BY name")).Select(r => r.ToDomain()).ToList(),
            cancellationToken);

    public Task<DomainDetails?> GetDomainDetailsAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(async session =>
        {
            if (await FindDomainAsync(session, name) is not { } domain) return null;
            var members = await session.QueryAsync<string>("SELECT user_name FROM user_domains WHERE domain = @name ORDER BY user_name", new { name });
            var experiments = await session.ScalarAsync<long>("SELECT COUNT(*) FROM experiments WHERE domain = @name", new { name });
            var models = await session.ScalarAsync<long>("SELECT COUNT(*) FROM registered_models WHERE domain = @name", new { name });
            return new DomainDetails(domain, members, experiments, models);
        }, cancellationToken);

    public async Task<User> CreateUserAsync(AuditedChange change, NewUser user, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(change, async session =>
            {
                if (await FindUserAsync(session, user.Name) is not null) throw UserExists(user.Name);
                await session.ExecuteAsync(
                    $"INSERT INTO users ({UserColumns}) VALUES (@Name, @DisplayName, @Email, 1, NULL, @CreatedBy, @Now, @Now)", user);
                await WriteRolesAsync(session, user.Name, user.Roles);
                await WriteDomainsAsync(session, user.Name, user.Domains);
                return await LoadUserAsync(session, user.Name) ?? throw UserNotFound(user.Name);
            }, cancellationToken);
        }
        catch (DbException e) when (Dialect.IsUniqueViolation(e))
        {
            throw UserExists(user.Name);
        }
    }

    public Task<User?> GetUserAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync(session => LoadUserAsync(session, name), cancellationToken);

    public Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<User>>(async session =>
            await LoadUsersAsync(session, await session.QueryAsync<UserRow>($"SELECT {UserColumns} FROM users ORDER BY name")),
            cancellationToken);

    public Task<User> UpdateUserAsync(AuditedChange change, string name, UserUpdate update, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var before = await LoadUserAsync(session, name) ?? throw UserNotFound(name);
            var wasAdmin = before.Enabled && before.Roles.Contains(Role.Admin);
            if (wasAdmin)
            {
                // Lock every enabled admin, so that two admins demoting each other at once take turns
                // and the second sees that it would leave none.
                await session.QueryAsync<string>(Sql(session, "lock_enabled_admins"), new { role = AdminRole });
            }

            // A null field stays as it is; an empty email clears it.
            await session.ExecuteAsync(
                """
                UPDATE users SET display_name = COALESCE(@DisplayName, display_name),
                       email = CASE WHEN @setEmail = 1 THEN @email ELSE email END,
                       enabled = COALESCE(@enabled, enabled), updated_at = @Now
                WHERE name = @name
                """,
                new
                {
                    name,
                    update.DisplayName,
                    setEmail = update.Email is null ? 0 : 1,
                    email = string.IsNullOrEmpty(update.Email) ? null : update.Email,
                    enabled = update.Enabled is null ? (int?)null : update.Enabled.Value ? 1 : 0,
                    update.Now,
                });
            if (update.Roles is not null)
            {
                await session.ExecuteAsync("DELETE FROM user_roles WHERE user_name = @name", new { name });
                await WriteRolesAsync(session, name, update.Roles);
            }

            if (update.Domains is not null)
            {
                await session.ExecuteAsync("DELETE FROM user_domains WHERE user_name = @name", new { name });
                await WriteDomainsAsync(session, name, update.Domains);
            }

            var after = await LoadUserAsync(session, name) ?? throw UserNotFound(name);
            if (wasAdmin && !(after.Enabled && after.Roles.Contains(Role.Admin)) && !await HasEnabledAdminAsync(session))
            {
                throw StewardException.Invalid($"'{name}' is the last enabled admin: disabling them or taking their admin role would leave nobody to manage identities.");
            }

            await SqlCredentialChangeFeed.AnnounceAsync(session, name);
            return after;
        }, cancellationToken);

    public Task SetPasswordHashAsync(AuditedChange change, string name, string passwordHash, long now, CancellationToken cancellationToken) =>
        database.WriteAsync(change, async session =>
        {
            var updated = await session.ExecuteAsync(
                "UPDATE users SET password_hash = @passwordHash, updated_at = @now WHERE name = @name", new { name, passwordHash, now });
            if (updated == 0) throw UserNotFound(name);
            await SqlCredentialChangeFeed.AnnounceAsync(session, name);
        }, cancellationToken);

    public Task<(User User, string? PasswordHash)?> GetUserWithPasswordAsync(string name, CancellationToken cancellationToken) =>
        database.ReadAsync<(User, string?)?>(async session =>
        {
            var row = await FindUserAsync(session, name);
            return row is null ? null : ((await LoadUsersAsync(session, [row]))[0], row.PasswordHash);
        }, cancellationToken);

    public Task<bool> HasEnabledAdminAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(HasEnabledAdminAsync, cancellationToken);

    private static async Task<bool> HasEnabledAdminAsync(SqlSession session) =>
        await session.ScalarAsync<long>(
            "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_name = u.name WHERE u.enabled = 1 AND r.role = @role",
            new { role = AdminRole }) > 0;

    private static async Task<Domain?> FindDomainAsync(SqlSession session, string name) =>
        (await session.FirstOrDefaultAsync<DomainRow>("SELECT name, description, created_by, created_at FROM domains WHERE name = @name", new { name }))?.ToDomain();

    private static Task<UserRow?> FindUserAsync(SqlSession session, string name) =>
        session.FirstOrDefaultAsync<UserRow>($"SELECT {UserColumns} FROM users WHERE name = @name", new { name });

    private static async Task<User?> LoadUserAsync(SqlSession session, string name) =>
        await FindUserAsync(session, name) is { } row ? (await LoadUsersAsync(session, [row]))[0] : null;

    /// <summary>Users with their roles and domains (in order), in one more round trip.</summary>
    private static async Task<List<User>> LoadUsersAsync(SqlSession session, IReadOnlyList<UserRow> rows)
    {
        if (rows.Count == 0) return [];
        using var grid = await session.QueryMultipleAsync(
            Sql(session, "load_user_extras"), new { names = session.Dialect.ListValue(rows.Select(r => r.Name).ToArray()) });
        var roles = (await grid.ReadAsync<UserRoleRow>()).ToLookup(r => r.UserName, r => r.Role);
        var domains = (await grid.ReadAsync<UserDomainRow>()).ToLookup(d => d.UserName, d => d.Domain);
        return rows.Select(r => r.ToUser(roles[r.Name], domains[r.Name])).ToList();
    }

    private static string Sql(SqlSession session, string name) => SqlText.Get(session.Dialect, $"Identity.{name}");

    private static async Task WriteRolesAsync(SqlSession session, string name, IReadOnlyList<Role> roles)
    {
        foreach (var role in roles.Distinct())
        {
            await session.ExecuteAsync("INSERT INTO user_roles (user_name, role) VALUES (@name, @role)", new { name, role = Roles.Name(role) });
        }
    }

    private static async Task WriteDomainsAsync(SqlSession session, string name, IReadOnlyList<string> domains)
    {
        var position = 0;
        foreach (var domain in domains.Distinct(StringComparer.Ordinal))
        {
            await session.ExecuteAsync("INSERT INTO user_domains (user_name, domain, position) VALUES (@name, @domain, @position)", new { name, domain, position = position++ });
        }
    }

    private static StewardException UserNotFound(string name) => StewardException.NotFound($"No user named '{name}'.");

    private static StewardException UserExists(string name) => StewardException.AlreadyExists($"A user named '{name}' already exists.");

    private static StewardException DomainExists(string name) => StewardException.AlreadyExists($"A domain named '{name}' already exists.");
}
